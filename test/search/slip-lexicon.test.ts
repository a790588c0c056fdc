// Conversion slips (search/slip-lexicon.ts): a run of kanji the knowledge lacks, one kanji away from a word
// it has and sounding like it, is read as that word, at MODEL.terms.slip; a word the resident typed right
// (or that only looks like one of the knowledge's) is left alone.
import { beforeAll, describe, expect, it } from "vitest";
import { createJapaneseTokenizer, type JapaneseTokenizer } from "../../src/text/tokenizer.js";
import { analyzeWords, compoundTerms } from "../../src/text/analyze.js";
import { foldKana } from "../../src/text/normalize.js";
import { SlipLexicon, readSlips } from "../../src/search/slip-lexicon.js";
import { buildGroups } from "../../src/search/query-groups.js";
import { compileSynonyms } from "../../src/search/synonyms.js";
import { MODEL } from "../../src/search/model.js";
import { openSearch } from "../../src/search/open-search.js";
import type { SearchIndex } from "../../src/search/search-index.js";

let tokenizer: JapaneseTokenizer;
let index: SearchIndex;
beforeAll(async () => {
  tokenizer = await createJapaneseTokenizer();
  ({ index } = await openSearch({ knowledgeDir: "knowledge", tokenizer }));
});

/** The question's units after reading slips, against a knowledge of these texts. */
function read(question: string, corpus: string[]) {
  const slips = new SlipLexicon();
  const known = new Set<string>();
  for (const text of corpus) {
    const words = analyzeWords(text, tokenizer);
    slips.addWords(words);
    for (const w of words) known.add(w.key);
    for (const c of compoundTerms(words)) known.add(c);
  }
  const deps = {
    kanjiReadings: (kanji: string) => tokenizer.readings(kanji).map(foldKana),
    reanalyze: (text: string) => analyzeWords(text, tokenizer),
  };
  return { units: readSlips(analyzeWords(question, tokenizer), slips, deps), known };
}

const slipText = (units: ReturnType<typeof read>["units"]) =>
  units
    .filter((u) => u.slip)
    .map((u) => u.surface)
    .join("");

describe("a slip is read as the knowledge's word", () => {
  it.each([
    ["浄化相の補助", "住宅用小型合併処理浄化槽の設置", "浄化槽"],
    ["認知賞サポーターになりたい", "認知症サポーターを養成", "認知症サポーター"],
    ["不任治療の助成", "不妊治療の費用を助成", "不妊治療"],
    ["病後時保育を使いたい", "病後児保育を実施", "病後児保育"],
    ["免許を変納した", "運転免許を返納した高齢者", "返納"],
  ])("%s → %s has %s", (question, corpus, word) => {
    expect(slipText(read(question, [corpus]).units)).toBe(word);
  });
});

describe("what is not a slip stays as typed", () => {
  it.each([
    ["a word the knowledge has", "浄化槽の補助", "住宅用小型合併処理浄化槽の設置"],
    [
      "a kanji that does not sound like the one it would replace (小 しょう, 中 ちゅう)",
      "小学校入学のお祝い",
      "中学校入学のお祝い",
    ],
    ["a run that starts with a suffix (庁 ends 開庁)", "開庁時間", "長時間の保育"],
    [
      "a word the dictionary knows, typed whole (保健 is no slip for 保険, though both read ほけん)",
      "保健の相談",
      "国民健康保険の加入",
    ],
    ["a number with its counter", "一台", "一体的に整備"],
  ])("%s: %s", (_, question, corpus) => {
    const { units } = read(question, [corpus]);
    expect(slipText(units)).toBe("");
    expect(units.map((u) => u.surface).join("")).toBe(
      analyzeWords(question, tokenizer)
        .map((w) => w.surface)
        .join(""),
    );
  });

  it("two words of the knowledge a kanji away, both sounding alike: no guess", () => {
    // 浄化相 is one kanji from 浄化槽 and from 浄化層 (both そう).
    expect(slipText(read("浄化相の補助", ["浄化槽の設置", "浄化層の調査"]).units)).toBe("");
  });
});

describe("terms.slip", () => {
  it("every term of a word read from a slip counts terms.slip of the word typed right", () => {
    const corpus = ["住宅用小型合併処理浄化槽の設置"];
    const groupsOf = (question: string) => {
      const { units, known } = read(question, corpus);
      return buildGroups(units, { synonyms: compileSynonyms([], tokenizer), knownTerm: (t) => known.has(t) });
    };
    const [slip] = groupsOf("浄化相");
    const [right] = groupsOf("浄化槽");
    expect(slip!.label).toBe("浄化槽");
    expect(slip!.terms.map((t) => [t.term, t.weight])).toEqual(
      right!.terms.map((t) => [t.term, t.weight * MODEL.terms.slip]),
    );
  });
});

describe("in the real knowledge", () => {
  it.each([
    ["浄化層を入れたい", "飯塚市", "浄化槽設置整備事業"],
    ["家族が認知賞で、人にけがをさせたときの保険", "飯塚市", "認知症高齢者等個人賠償責任保険事業"],
    ["不任治療の費用", "伊万里市", "不妊治療エンゼルサポート事業"],
  ])("%s (%s) → %s first", (question, municipality, name) => {
    const { noMatch, results } = index.search(question, { municipality });
    expect(noMatch).toBe(false);
    expect(results[0]?.name).toBe(name);
  });
});
