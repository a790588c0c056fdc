// Hiragana runs read again with the corpus's readings (search/kana-runs.ts): a learnt word replaces
// kuromoji's tokens when it explains the run better, but never a stretch kuromoji read exactly as grammar.
import { beforeAll, describe, expect, it } from "vitest";
import { createJapaneseTokenizer, type JapaneseTokenizer } from "../../src/text/tokenizer.js";
import { analyzeMessage } from "../../src/text/analysis.js";
import { analyzeWords } from "../../src/text/analyze.js";
import { ReadingLexicon } from "../../src/search/reading-lexicon.js";
import { rewriteKanaRuns } from "../../src/search/kana-runs.js";
import { foldKana } from "../../src/text/normalize.js";

let tokenizer: JapaneseTokenizer;
let lexicon: ReadingLexicon;
/** The same corpus learnt without the kanji's other readings (as before they were read). */
let ownReadingsOnly: ReadingLexicon;
// An FAQ corpus's words: 死体 reads したい, 学童 がくどう, 不妊 ふにん, 治療 ちりょう, 結婚 けっこん; 病児 and
// 伊万里牛, which kuromoji reads 病 (やまい) + 児 and 伊万里 + 牛 (うし).
const CORPUS = [
  "道路に動物の死体があります",
  "学童保育の申し込み",
  "不妊治療の助成",
  "結婚支援の相談員",
  "病児保育事業",
  "伊万里牛の販売促進",
  "新しく農業を始める人への支援",
  "健幸ウォーキング大会",
  "中古住宅の購入補助",
  "認可外保育施設",
  "東京からの移住",
  "大学生の国民年金",
  "不登校の相談",
  "保険証の再交付",
];
beforeAll(async () => {
  tokenizer = await createJapaneseTokenizer();
  lexicon = new ReadingLexicon();
  ownReadingsOnly = new ReadingLexicon();
  const kanjiReadings = (kanji: string) => tokenizer.readings(kanji).map(foldKana);
  for (const text of CORPUS) {
    lexicon.addWords(analyzeWords(text, tokenizer), kanjiReadings);
    ownReadingsOnly.addWords(analyzeWords(text, tokenizer));
  }
});

/** The question's words after the rewrite, kuromoji reading again what the corpus's words leave. */
const unitsOf = (question: string, learnt = lexicon) =>
  rewriteKanaRuns(analyzeMessage(question, tokenizer).words, learnt, (t) => analyzeWords(t, tokenizer));

const contentKeys = (question: string, learnt = lexicon) =>
  unitsOf(question, learnt)
    .filter((u) => u.role === "content")
    .map((u) => u.key);

describe("kana runs", () => {
  it.each([
    ["粗大ごみの予約をキャンセルしたい", "死体"],
    ["返品したい", "死体"],
  ])("%s: したい stays する + たい, not the corpus's %s", (question, word) => {
    expect(contentKeys(question)).not.toContain(word);
  });

  it.each([
    ["がくどうにいれたい", "学童"],
    ["ふにんちりょう", "不妊"],
    ["ふにんちりょう", "治療"],
  ])("%s: a run kuromoji splits into pieces of words is read as %s", (question, word) => {
    expect(contentKeys(question)).toContain(word);
  });

  it.each([
    ["あたらしくのうぎょうをはじめる", "農業", "のう|ぎょ|う: an interjection is no grammar"],
    ["ひとへのしえん", "支援", "し|えん: two bare verbs, no particle or auxiliary"],
    ["にんかがいのほいく", "認可", "に|ん|か: no word starts with ん"],
    [
      "うぉーきんぐたいかい",
      "うおきんぐ",
      "う|ぉ|ー|きん…: the long vowel cut off folds away as in the corpus's ウォーキング",
    ],
  ])("%s: kuromoji's cut is not taken as grammar, the run is read as %s (%s)", (question, word) => {
    expect(contentKeys(question)).toContain(word);
  });

  it("keeps a particle cut from inside an unknown token between the words it parts (中古住宅 の 購入)", () => {
    const units = unitsOf("ちゅうこじゅうたくのこうにゅう");
    expect(units.map((u) => u.key)).toEqual(["中古", "住宅", "の", "購入"]);
  });

  it("reads what the corpus's words leave as typed: ひっこす stays a verb, not ひつ + こす of its folded form", () => {
    const units = unitsOf("とうきょうにてんきんでひっこす");
    expect(units.find((u) => u.surface === "ひっこす")?.pos).toBe("動詞");
  });

  it("keeps one character of grammar between two words (大学生 で 年金), so they make no compound", () => {
    const units = unitsOf("だいがくせいでねんきん");
    expect(units.map((u) => u.key)).toEqual(["大学生", "で", "年金"]);
  });

  it.each([
    ["ふとうこう", ["不", "登校"]],
    ["ほけんしょうのさいこうふ", ["再", "交付"]],
  ])("%s: a compound that starts with a kanji prefix is learnt too, giving %j", (question, words) => {
    expect(unitsOf(question).map((u) => u.key)).toEqual(expect.arrayContaining(words));
  });

  it.each([
    ["けっこんそうだん", "結婚"],
    ["けっこんしたい", "結婚"],
  ])(
    "%s: where kuromoji reads a hiragana noun the corpus writes in kanji, the corpus's word %s is taken",
    (question, word) => {
      expect(contentKeys(question)).toContain(word);
    },
  );

  it.each([
    ["びょうじほいく", ["病", "保育"]],
    ["いまりぎゅうのPR", ["伊万里", "牛"]],
  ])(
    "%s: a compound's one-kanji piece is read in its other readings too (びょう, ぎゅう), giving %j",
    (question, words) => {
      expect(contentKeys(question)).toEqual(expect.arrayContaining(words));
      expect(contentKeys(question, ownReadingsOnly)).not.toEqual(expect.arrayContaining(words));
    },
  );

  it("reads a kanji alone by kuromoji's reading: 牛 is not learnt as ぎゅう outside a compound", () => {
    expect(contentKeys("ぎゅうにゅう")).not.toContain("牛");
  });
});
