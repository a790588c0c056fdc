// A compound kuromoji knows as one word and no entry has (子犬, 愛犬, 紙おむつ) is found through its head, the
// word it ends with after a kanji modifier (search/query-groups.ts headTerms). Searched over the 北沢町 FAQ
// of test/fixtures/heldout (its entries write 犬 and 猫, never 子犬 or 子猫; its questions are not used here).
import { beforeAll, describe, expect, it } from "vitest";
import { openSearch } from "../../src/search/open-search.js";
import type { SearchIndex } from "../../src/search/search-index.js";
import { createJapaneseTokenizer, type JapaneseTokenizer } from "../../src/text/tokenizer.js";
import { analyzeWords } from "../../src/text/analyze.js";
import { buildGroups } from "../../src/search/query-groups.js";
import { compileSynonyms } from "../../src/search/synonyms.js";
import { MODEL } from "../../src/search/model.js";

let index: SearchIndex;
let tokenizer: JapaneseTokenizer;
beforeAll(async () => {
  [{ index }, tokenizer] = await Promise.all([
    openSearch({ knowledgeDir: "test/fixtures/heldout/faq-village" }),
    createJapaneseTokenizer(),
  ]);
});

describe("the head of a one-word compound no entry has", () => {
  const headOf = (word: string, known: string[]) =>
    buildGroups(analyzeWords(word, tokenizer), {
      synonyms: compileSynonyms([], tokenizer),
      knownTerm: (t) => known.includes(t),
    })[0]?.terms.filter((t) => t.general);

  it.each<[string, string[], string | undefined]>([
    ["子犬", ["犬"], "犬"],
    ["紙おむつ", ["おむつ"], "おむつ"],
    ["子犬", ["子犬", "犬"], undefined], // an entry has the word itself: nothing to guess
    ["子犬", [], undefined], // no entry has its head either
  ])("%s (entries have %j) → %s", (word, known, head) => {
    const terms = headOf(word, known) ?? [];
    expect(terms.map((t) => t.term)).toEqual(head ? [head] : []);
    for (const t of terms) expect(t).toMatchObject({ weight: MODEL.terms.partsApart, expanded: true });
  });

  // Both were "no match": the word's only evidence was its kanji 犬 or 猫 in the character channel.
  it.each([
    ["子犬を飼ったら登録がいる？", "犬の登録について", "子犬"],
    ["うちに来た子猫、どうしても飼えない", "犬・猫を飼えなくなったとき、迷い犬", "子猫"],
  ])("%s → %s, the resident's word shown as found through another", (question, name, word) => {
    const { noMatch, results } = index.search(question);
    expect(noMatch).toBe(false);
    expect(results[0]?.name).toBe(name);
    expect(results[0]?.matched).toContainEqual({ term: word, field: "question", expanded: true });
  });
});
