// Kanji words read alike (search/query-groups.ts): a question's kanji word meets the entries' words with its
// reading; weakly when the corpus has the word itself (起業 and 企業 are two words), strongly when it does not
// (器械, 意志: a conversion slip for the corpus's 機械, 医師).
import { beforeAll, describe, expect, it } from "vitest";
import { createJapaneseTokenizer, type JapaneseTokenizer } from "../../src/text/tokenizer.js";
import { analyzeWords, KANJI_READING_PREFIX } from "../../src/text/analyze.js";
import { compileSynonyms } from "../../src/search/synonyms.js";
import { buildGroups } from "../../src/search/query-groups.js";
import { MODEL } from "../../src/search/model.js";

let tokenizer: JapaneseTokenizer;
beforeAll(async () => {
  tokenizer = await createJapaneseTokenizer();
});

/** The weight of the reading term of the question's only word, given the words the corpus has. */
function homophoneWeight(question: string, corpus: string[]): number | undefined {
  const known = new Set(corpus);
  const [group] = buildGroups(analyzeWords(question, tokenizer), {
    synonyms: compileSynonyms([], tokenizer),
    knownTerm: (term) => known.has(term),
  });
  return group?.terms.find((t) => t.term.startsWith(KANJI_READING_PREFIX))?.weight;
}

describe("homophones", () => {
  it.each([
    ["起業", ["起業", "企業"]],
    ["医師", ["医師"]],
  ])("%s, a word the corpus has: its homophones count terms.kanjiHomophone", (question, corpus) => {
    expect(homophoneWeight(question, corpus)).toBe(MODEL.terms.kanjiHomophone);
  });

  it.each([
    ["器械", ["機械"]],
    ["意志", ["医師"]],
  ])("%s, a word no entry has: its homophones count terms.unknownHomophone", (question, corpus) => {
    expect(homophoneWeight(question, corpus)).toBe(MODEL.terms.unknownHomophone);
  });
});
