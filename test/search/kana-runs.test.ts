// Hiragana runs read again with the corpus's readings (search/kana-runs.ts): a learnt word replaces
// kuromoji's tokens when it explains the run better, but never a stretch kuromoji read exactly as grammar.
import { beforeAll, describe, expect, it } from "vitest";
import { createJapaneseTokenizer, type JapaneseTokenizer } from "../../src/text/tokenizer.js";
import { analyzeMessage } from "../../src/text/analysis.js";
import { analyzeWords } from "../../src/text/analyze.js";
import { ReadingLexicon } from "../../src/search/reading-lexicon.js";
import { rewriteKanaRuns } from "../../src/search/kana-runs.js";

let tokenizer: JapaneseTokenizer;
let lexicon: ReadingLexicon;
beforeAll(async () => {
  tokenizer = await createJapaneseTokenizer();
  lexicon = new ReadingLexicon();
  // An FAQ corpus's words: 死体 reads したい, 学童 がくどう, 不妊 ふにん, 治療 ちりょう, 結婚 けっこん.
  for (const text of ["道路に動物の死体があります", "学童保育の申し込み", "不妊治療の助成", "結婚支援の相談員"])
    lexicon.addWords(analyzeWords(text, tokenizer));
});

const contentKeys = (question: string) =>
  rewriteKanaRuns(analyzeMessage(question, tokenizer).words, lexicon, (t) => analyzeWords(t, tokenizer))
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
    ["けっこんそうだん", "結婚"],
    ["けっこんしたい", "結婚"],
  ])(
    "%s: where kuromoji reads a hiragana noun the corpus writes in kanji, the corpus's word %s is taken",
    (question, word) => {
      expect(contentKeys(question)).toContain(word);
    },
  );
});
