// Top-k pruning never changes an answer: on every question set of the project, asked scoped as written and
// of every municipality, and on a synthetic country of 6,000 entries (where most entries share the common
// words and whole-country questions have thousands of matches), the pruned search keeps exactly the
// candidates the exhaustive scorer keeps — the same entries, order and scores (to the last bit), and so the
// same confidence, evidence and answer.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createJapaneseTokenizer, type JapaneseTokenizer } from "../../src/text/tokenizer.js";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.js";
import { indexKnowledge } from "../../src/search/open-search.js";
import type { SearchIndex, SearchOptions } from "../../src/search/search-index.js";
import { MODEL } from "../../src/search/model.js";
import { syntheticKnowledge } from "../../bench/synthetic-knowledge.js";
import { FAQ_TOWN, FIXTURES, ROOT, questionSets, type Question } from "./question-sets.js";

let tokenizer: JapaneseTokenizer;
beforeAll(async () => {
  tokenizer = await createJapaneseTokenizer();
});

/** Asks every question both ways; returns how many candidate lists were full (where pruning can skip). */
function comparePruned(index: SearchIndex, questions: readonly Question[], scopes: readonly SearchOptions[]) {
  let full = 0;
  for (const q of questions) {
    for (const scope of scopes) {
      const options = {
        ...scope,
        municipality: scope.municipality === undefined ? q.municipality : scope.municipality,
      };
      const pruned = index.candidates(q.q, options).best;
      const exhaustive = index.candidates(q.q, { ...options, exhaustive: true }).best;
      if (JSON.stringify(pruned) !== JSON.stringify(exhaustive))
        expect({ q, options, pruned }).toEqual({ q, options, pruned: exhaustive });
      if (pruned.length === MODEL.candidates) full++;
    }
  }
  return full;
}

describe("the pruned search", () => {
  it("keeps exactly the exhaustive candidates on every question set, scoped, of every municipality and filtered", async () => {
    const index = await indexKnowledge(await loadKnowledgeOrThrow(join(ROOT, "knowledge")), tokenizer);
    const scopes: SearchOptions[] = [
      {},
      { municipality: null },
      { municipality: null, type: "faq" },
      { municipality: null, category: "子育て" },
    ];
    let asked = 0;
    let full = 0;
    for (const [name, questions] of questionSets(FIXTURES)) {
      if (name.startsWith("heldout/faq-town")) continue; // asked of the FAQ town's own knowledge below
      asked += questions.length;
      full += comparePruned(index, questions, scopes);
    }
    expect(asked).toBeGreaterThan(700);
    expect(full).toBeGreaterThan(100);
  }, 120_000);

  it("keeps exactly the exhaustive candidates on the FAQ town's questions", async () => {
    const index = await indexKnowledge(await loadKnowledgeOrThrow(FAQ_TOWN), tokenizer);
    let full = 0;
    for (const questions of questionSets(FAQ_TOWN).values()) full += comparePruned(index, questions, [{}]);
    expect(full).toBeGreaterThan(50);
  }, 60_000);

  it("keeps exactly the exhaustive candidates over a synthetic country, whole and scoped", async () => {
    const index = await indexKnowledge(await loadKnowledgeOrThrow(join(ROOT, "knowledge")), tokenizer, {
      fallbackSynonyms: null,
      source: (knowledge) => {
        const synthetic = syntheticKnowledge(knowledge.programs, 40, 150);
        return { ...synthetic, faqs: knowledge.faqs };
      },
    });
    expect(index.size).toBeGreaterThanOrEqual(6000);
    const questions = [...questionSets(join(FIXTURES, "heldout")).values()].flat().slice(0, 250);
    const full = comparePruned(index, questions, [
      { municipality: null },
      { municipality: "青宮市" },
      { municipality: null, type: "program" },
    ]);
    expect(full).toBeGreaterThan(questions.length);
  }, 120_000);

  it("answers the same: results, confidence, evidence and the words not found", async () => {
    const index = await indexKnowledge(await loadKnowledgeOrThrow(join(ROOT, "knowledge")), tokenizer);
    for (const q of ["子育て支援", "移住したい", "補助金の申請", "ごみの出し方"]) {
      expect(JSON.stringify(index.rank(q))).toBe(JSON.stringify(index.rank(q, { exhaustive: true })));
      expect(index.search(q)).toEqual(index.search(q, { exhaustive: true }));
    }
  }, 60_000);
});
