// Index terms from Japanese text: base forms, readings, compounds, bigrams, stop terms. One tokenizer for
// the whole file (loading the dictionary takes most of a second).
import { beforeAll, describe, expect, it } from "vitest";
import { createJapaneseTokenizer, type JapaneseTokenizer } from "../../src/text/tokenizer.js";
import { analyzeText, analyzeWords, charNgrams, compoundTerms, wordTerms } from "../../src/text/analyze.js";

let tokenizer: JapaneseTokenizer;
beforeAll(async () => {
  tokenizer = await createJapaneseTokenizer();
});

const words = (text: string) => wordTerms(analyzeWords(text, tokenizer)).filter((t) => !/^[~=]/u.test(t));

describe("content words, in base form", () => {
  it.each([
    ["病気の回復期の子どもを預けたい", ["病気", "回復", "子ども", "預ける"]],
    ["新しく農業を始める人への支援", ["新しい", "農業", "始める", "支援"]], // 人: no topic; 支援 is kept, IDF makes it cheap
    ["不妊治療の助成制度はありますか", ["不妊", "治療", "助成"]], // 制度, ある: no topic
    ["ファミリーサポートセンター", ["ふあみり", "さぽと", "せんた"]], // katakana folded
    ["障がい児の保育", ["障害", "保育"]], // 障がい rewritten before kuromoji reads it; 児 is a suffix
    // Kyushu's question frames: どがん (Saga) and どげん (Fukuoka) are どう, not ど + がん (癌) or げん
    ["不妊治療はどがんすればよかと", ["不妊", "治療"]],
    ["保育園はどげんしたら入れると", ["保育園", "入れる"]],
    ["子育てなどがん検診", ["子育て", "がん", "検診"]], // など + がん検診: no どう inside it
    // とこ (ところ), あいだ (間), おる (いる): everyday frames, no topic
    ["仕事のあいだ子どもを見てくれるとこ", ["仕事", "子ども"]],
    ["誰もおらん", ["誰"]],
    // words that only place the question in time, like 今年 and 来年
    ["来月出産予定なので産後ケア", ["出産", "予定", "産後", "けあ"]],
    ["去年から不妊治療を始めました", ["不妊", "治療", "始める"]],
  ])("%s → %j", (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it.each(["制度について教えてください", "ありますか？", "どうすればいいですか"])(
    "drops what carries no topic: %s",
    (text) => {
      expect(words(text)).toEqual([]);
    },
  );
});

describe("generic words of program names are words (the index's IDF, not a stop list, makes them cheap)", () => {
  it.each([
    ["事業", ["事業"]],
    ["支援", ["支援"]],
    ["推進", ["推進"]],
  ])("%s → %j", (text, expected) => {
    expect(words(text)).toEqual(expected);
  });
});

describe("readings let spellings meet", () => {
  it.each([
    ["子供", "子ども"],
    ["空家", "空き家"],
  ])("%s and %s share a reading term", (a, b) => {
    const ra = analyzeText(a, tokenizer)
      .filter((t) => /^[~=]/u.test(t))
      .map((t) => t.slice(1));
    const rb = analyzeText(b, tokenizer)
      .filter((t) => /^[~=]/u.test(t))
      .map((t) => t.slice(1));
    expect(ra.some((r) => rb.includes(r))).toBe(true);
  });

  it("marks kanji-only readings apart from mixed ones (起業 and 企業 are homophones, not variants)", () => {
    expect(analyzeText("起業", tokenizer)).toContain("=きぎよう");
    expect(analyzeText("子ども", tokenizer)).toContain("~こども");
  });
});

describe("compounds and bigrams", () => {
  it("joins neighbouring noun pieces, suffixes included", () => {
    expect(compoundTerms(analyzeWords("子どもの医療費の助成", tokenizer))).toContain("+医療費");
    expect(compoundTerms(analyzeWords("不妊治療", tokenizer))).toEqual(["+不妊治療"]);
    expect(compoundTerms(analyzeWords("障がい児の保育", tokenizer))).toEqual(["+障害児"]);
  });

  it("makes folded character bigrams, never across punctuation", () => {
    expect(charNgrams("移住・定住")).toEqual(["#移住", "#定住"]);
    expect(charNgrams("サポート")).toEqual(["#さぽ", "#ぽと"]);
  });
});
