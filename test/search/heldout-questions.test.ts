// Quality floors on questions written apart from the development set, in its spirit (other wordings,
// hiragana, half-width, terse staff keywords, and questions the knowledge cannot answer). They guard the
// mechanisms against regressions; a failure names every question that missed.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { openSearch } from "../../src/search/open-search.js";
import type { SearchIndex } from "../../src/search/search-index.js";

interface Question {
  id: string;
  q: string;
  municipality: string | null;
  expect: [string, string][];
}

const read = (file: string): Question[] =>
  readFileSync(new URL(`../fixtures/search/${file}`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Question);

let index: SearchIndex;
beforeAll(async () => {
  ({ index } = await openSearch({ knowledgeDir: "knowledge" }));
});

function score(questions: Question[]) {
  const misses: string[] = [];
  let inScope = 0,
    hit1 = 0,
    hit3 = 0,
    falseNoMatch = 0,
    outScope = 0,
    noMatchRight = 0;
  for (const q of questions) {
    const { noMatch, results } = index.search(q.q, { municipality: q.municipality, top: 5 });
    if (q.expect.length === 0) {
      outScope++;
      if (noMatch) noMatchRight++;
      else misses.push(`${q.id} answered: ${q.q} → ${results[0]?.name}`);
      continue;
    }
    inScope++;
    if (noMatch) falseNoMatch++;
    const rank = results.findIndex((r) => q.expect.some(([city, name]) => r.municipality === city && r.name === name));
    if (rank === 0) hit1++;
    if (rank >= 0 && rank < 3) hit3++;
    if (rank !== 0)
      misses.push(
        `${q.id} rank ${rank + 1 || "-"}: ${q.q} → ${results
          .slice(0, 3)
          .map((r) => r.name)
          .join(" | ")}`,
      );
  }
  return { hit1: hit1 / inScope, hit3: hit3 / inScope, falseNoMatch, noMatchRight: noMatchRight / outScope, misses };
}

describe("held-out questions", () => {
  // At most 3 answerable questions "no match" (issue 11 asks at most 2 of about 100 on the private set: not yet met).
  it("set 1 (short questions, like the development set): hit@1 ≥ 0.95, hit@3 ≥ 0.97, out-of-scope → noMatch ≥ 0.9", () => {
    const s = score(read("heldout-questions.jsonl"));
    expect(s.hit1, s.misses.join("\n")).toBeGreaterThanOrEqual(0.95);
    expect(s.hit3, s.misses.join("\n")).toBeGreaterThanOrEqual(0.97);
    expect(s.falseNoMatch, s.misses.join("\n")).toBeLessThanOrEqual(3);
    expect(s.noMatchRight, s.misses.join("\n")).toBeGreaterThanOrEqual(0.9);
  });

  it("set 2 (long, colloquial questions): hit@3 ≥ 0.8, out-of-scope → noMatch ≥ 0.9", () => {
    const s = score(read("heldout-questions-2.jsonl"));
    expect(s.hit3, s.misses.join("\n")).toBeGreaterThanOrEqual(0.8);
    expect(s.noMatchRight, s.misses.join("\n")).toBeGreaterThanOrEqual(0.9);
  });

  // The near-miss floor is issue 11's (≥ 90 % "no match"); the 0.95 of the earlier engine was set beside it.
  it("set 3 (written before the coverage rework of issue 3's held-out review): hit@1 ≥ 0.85, hit@3 ≥ 0.9, out-of-scope → noMatch ≥ 0.9", () => {
    const s = score(read("heldout-3.jsonl"));
    expect(s.hit1, s.misses.join("\n")).toBeGreaterThanOrEqual(0.85);
    expect(s.hit3, s.misses.join("\n")).toBeGreaterThanOrEqual(0.9);
    expect(s.falseNoMatch, s.misses.join("\n")).toBeLessThanOrEqual(4);
    expect(s.noMatchRight, s.misses.join("\n")).toBeGreaterThanOrEqual(0.9);
  });

  it("set 4 (hiragana, typos and spoken questions, written before the compound readings and synonym typos): hit@1 ≥ 0.8, hit@3 ≥ 0.85, out-of-scope → noMatch ≥ 0.9", () => {
    const s = score(read("heldout-4.jsonl"));
    expect(s.hit1, s.misses.join("\n")).toBeGreaterThanOrEqual(0.8);
    expect(s.hit3, s.misses.join("\n")).toBeGreaterThanOrEqual(0.85);
    expect(s.noMatchRight, s.misses.join("\n")).toBeGreaterThanOrEqual(0.9);
  });
});
