// search() lists its results from coverage and found mass computed in reused buffers (listing.ts), not from
// rank()'s full hits: on every question set of the project, scoped as written and of every municipality, its
// answer must be exactly what rank()'s hits give when sorted by rank, filtered by confidence and rounded —
// so a change to the model's features in one place and not the other fails here.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createJapaneseTokenizer, type JapaneseTokenizer } from "../../src/text/tokenizer.js";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.js";
import { indexKnowledge } from "../../src/search/open-search.js";
import type { SearchIndex, SearchOptions, SearchResponse } from "../../src/search/search-index.js";
import { MODEL } from "../../src/search/model.js";
import { FAQ_TOWN, FIXTURES, ROOT, questionSets } from "./question-sets.js";

let tokenizer: JapaneseTokenizer;
beforeAll(async () => {
  tokenizer = await createJapaneseTokenizer();
});

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The answer as rank()'s hits make it (what search() returned before listing.ts). */
function fromRank(index: SearchIndex, q: string, options: SearchOptions): SearchResponse {
  const { hits, content } = index.rank(q, options);
  const best = hits.reduce((most, h) => Math.max(most, h.confidence), 0);
  if (best < MODEL.noMatch) return { noMatch: true, results: [], unmatched: content };
  const results = [...hits]
    .sort((a, b) => b.rank - a.rank || b.score - a.score)
    .filter((h) => h.confidence >= MODEL.listFloor)
    .slice(0, options.top ?? 5)
    .map(({ type, id, municipality, name, score, confidence, matched }) => ({
      type,
      id,
      municipality,
      name,
      score: round(score),
      confidence: round(confidence),
      matched,
    }));
  const seen = new Set(results.flatMap((r) => r.matched.map((m) => m.term)));
  return { noMatch: false, results, unmatched: content.filter((w) => !seen.has(w)) };
}

function compare(index: SearchIndex, sets: Map<string, { q: string; municipality: string | null }[]>, all = true) {
  let asked = 0;
  for (const questions of sets.values())
    for (const question of questions)
      for (const municipality of all ? [question.municipality, null] : [null])
        for (const top of [5, 10]) {
          const options = { municipality, top };
          const listed = index.search(question.q, options);
          const expected = fromRank(index, question.q, options);
          if (JSON.stringify(listed) !== JSON.stringify(expected))
            expect({ question, options, listed }).toEqual({ question, options, listed: expected });
          asked++;
        }
  return asked;
}

describe("search() lists what rank() ranks", () => {
  it("on every programs question set, scoped as written and of every municipality, 5 and 10 results", async () => {
    const index = await indexKnowledge(await loadKnowledgeOrThrow(join(ROOT, "knowledge")), tokenizer);
    const sets = new Map([...questionSets(FIXTURES)].filter(([name]) => !name.startsWith("heldout/faq-town")));
    expect(compare(index, sets)).toBeGreaterThan(3000);
  }, 120_000);

  it("on the FAQ town's questions", async () => {
    const index = await indexKnowledge(await loadKnowledgeOrThrow(FAQ_TOWN), tokenizer);
    expect(compare(index, questionSets(FAQ_TOWN), false)).toBeGreaterThan(100);
  }, 60_000);
});
