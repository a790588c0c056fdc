// Numbers written in kanji are the words they are in digits (text/kanji-numerals.ts, and 第 + a numeral in
// text/spelling-variants.ts): documents and residents write 第3子 or 第三子, 65歳 or 六十五歳.
import { beforeAll, describe, expect, it } from "vitest";
import { createJapaneseTokenizer, type JapaneseTokenizer } from "../../src/text/tokenizer.js";
import { analyzeWords, compoundTerms } from "../../src/text/analyze.js";
import { kanjiNumberValue } from "../../src/text/kanji-numerals.js";
import { openSearch } from "../../src/search/open-search.js";
import type { SearchIndex } from "../../src/search/search-index.js";

let tokenizer: JapaneseTokenizer;
let index: SearchIndex;
beforeAll(async () => {
  tokenizer = await createJapaneseTokenizer();
  ({ index } = await openSearch({ knowledgeDir: "knowledge" }));
});

const compounds = (text: string) => compoundTerms(analyzeWords(text, tokenizer));

describe("kanji numerals", () => {
  it.each([
    ["三", 3],
    ["十", 10],
    ["十八", 18],
    ["六十五", 65],
    ["百", 100],
    ["三百二十", 320],
    ["二千五", 2005],
    ["二〇二六", 2026],
  ])("%s is %i", (text, value) => {
    expect(kanjiNumberValue(text)).toBe(value);
  });

  it.each([
    ["六十五歳以上", "65歳"],
    ["十八歳まで", "18歳"],
    ["二人目", "2人"],
    ["第三子", "第3"],
    ["第三子", "3子"],
    ["五万円", "5万"],
  ])("%s gives the compound of its digits: %s", (text, compound) => {
    expect(compounds(text)).toContain(`+${compound}`);
  });

  it.each([
    ["5千円", "千"],
    ["一人暮らし", "一人暮らし"],
  ])("%s keeps %s as written: a numeral after digits, a word kuromoji knows whole", (text, kept) => {
    expect(analyzeWords(text, tokenizer).map((w) => w.key)).toContain(kept);
  });

  it.each([
    ["第三子の保育料", "第2子以降保育料等無償化事業"],
    ["第三子の出生祝い", "未来の地域人財応援事業"],
  ])("%s finds %s, whose record writes 第3子 (三子 alone is kuromoji's みつご)", (question, name) => {
    const { noMatch, results } = index.search(question, { municipality: "飯塚市" });
    expect(noMatch).toBe(false);
    expect(results[0]?.name).toBe(name);
  });
});
