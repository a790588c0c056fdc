// A country-sized knowledge base for the benchmark: every municipality (1,734 in Japan, in 47 prefectures)
// with 150 programs, made from the real programs by giving copies to invented municipalities. Texts repeat across
// municipalities (as programs with the same national template do), so the index holds 260,000 entries with
// the real vocabulary.
import type { Municipality, Program } from "../src/knowledge/schema.js";
import type { SearchIndexSource } from "../src/search/search-index.js";

const FIRST = [..."青赤白黒東西南北上下大小新古高低長松竹梅桜山川田村島浜岡原野沢谷森林石岩井泉"];
const SECOND = [..."宮崎本江津浦見沼崎木戸橋坂平根丘野倉部"];
const SUFFIX = ["市", "町", "村"];
const PREFECTURES = 47;

export function syntheticMunicipalityNames(count: number): string[] {
  const names: string[] = [];
  for (const a of FIRST)
    for (const b of SECOND) for (const s of SUFFIX) if (names.length < count) names.push(`${a}${b}${s}`);
  for (let i = 0; names.length < count; i++) names.push(`第${i + 1}市`);
  return names;
}

export function syntheticKnowledge(
  base: readonly Program[],
  municipalityCount: number,
  programsEach: number,
): SearchIndexSource {
  const names = syntheticMunicipalityNames(municipalityCount);
  const municipalities: Municipality[] = names.map((name, i) => ({
    name,
    prefecture: `架空${(i % PREFECTURES) + 1}県`,
    slug: `m${i + 1}`,
    sources: [{ id: "synthetic", title: "synthetic", date: "-", file: "-" }],
  }));
  const programs: Program[] = [];
  names.forEach((name, i) => {
    for (let k = 0; k < programsEach; k++) {
      const p = base[(i * 7 + k) % base.length]!;
      programs.push({ ...p, id: `m${i + 1}-${k}-${p.id}`, municipality: name });
    }
  });
  return { municipalities, programs, faqs: [] };
}
