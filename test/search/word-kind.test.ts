// What kind each word of a question is: the kind sets how much it counts found and missing (model.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { kindOf, spanKind, type WordKind } from "../../src/search/word-kind.js";
import { termKey } from "../../src/text/normalize.js";
import { createJapaneseTokenizer, type JapaneseTokenizer } from "../../src/text/tokenizer.js";
import { analyzeWords } from "../../src/text/analyze.js";
import { buildGroups } from "../../src/search/query-groups.js";
import { compileSynonyms, loadSynonyms } from "../../src/search/synonyms.js";

describe("kindOf: aspects a program's record answers, and aspects it does not hold", () => {
  it.each<[string, string, WordKind]>([
    ["登録", "名詞", "aspect"], // how one joins a service: the record's application
    ["申請", "名詞", "aspect"],
    ["場所", "名詞", "aspect"], // where: the record names its department
    ["近く", "名詞", "aspect"], // where near: 「駅の近く」 is about the station
    ["費用", "名詞", "aspect"],
    ["無料", "名詞", "aspect"], // 「何歳まで無料？」 asks the amount of the topic beside it
    ["有料", "名詞", "aspect"],
    ["支払い", "名詞", "otherAspect"],
    ["開館", "名詞", "otherAspect"],
    ["予約", "名詞", "otherAspect"],
    ["更新", "名詞", "otherAspect"],
    ["いつ", "名詞", "question"],
    ["本当", "名詞", "question"], // 「…って本当？」: whether what they heard is so
    ["ホント", "名詞", "question"],
    ["図書館", "名詞", "noun"],
    ["母", "名詞", "background"], // whom the question is about: a detail of the situation
    ["娘", "名詞", "background"],
    ["母子", "名詞", "noun"], // kuromoji reads it whole: another word (母子家庭, 母子手帳)
    ["借りる", "動詞", "verb"],
  ])("%s (%s) is %s", (word, pos, kind) => {
    expect(kindOf(pos, termKey(word))).toBe(kind);
  });

  it("a compound of aspects is one no record holds if any of its words is (開館 + 時間)", () => {
    expect(spanKind(["otherAspect", "aspect"])).toBe("otherAspect");
    expect(spanKind(["aspect", "question"])).toBe("aspect");
    expect(spanKind(["otherAspect", "noun"])).toBe("noun");
    expect(spanKind(["noun", "background"])).toBe("noun"); // ひとり + 親
    expect(spanKind(["background"])).toBe("background");
  });
});

describe("an aspect done on the way to another verb is a step of the description, not the question", () => {
  let tokenizer: JapaneseTokenizer;
  beforeAll(async () => {
    tokenizer = await createJapaneseTokenizer();
  });
  const kindIn = (question: string, word: string) =>
    buildGroups(analyzeWords(question, tokenizer), {
      synonyms: compileSynonyms([], tokenizer),
      knownTerm: () => false,
    }).find((g) => g.label === word)?.kind;

  it.each<[string, string, WordKind]>([
    ["予約して乗る乗合タクシー", "予約", "verb"], // the question is the taxi
    ["登録して子どもを預けたい", "登録", "verb"],
    ["予約したい", "予約", "otherAspect"], // the booking is what is asked
    ["申請して", "申請", "aspect"], // no verb after it: still what is asked
    ["タクシーの予約の取り方", "予約", "otherAspect"],
  ])("%s: %s is %s", (question, word, kind) => {
    expect(kindIn(question, word)).toBe(kind);
  });
});

describe("a relative is background, and a verb a verb, unless the synonyms file says they stand for a thing", () => {
  let tokenizer: JapaneseTokenizer;
  let bundled: Awaited<ReturnType<typeof loadSynonyms>>;
  beforeAll(async () => {
    [tokenizer, bundled] = await Promise.all([createJapaneseTokenizer(), loadSynonyms("knowledge")]);
  });
  const kindIn = (question: string, word: string) =>
    buildGroups(analyzeWords(question, tokenizer), {
      synonyms: compileSynonyms(bundled, tokenizer),
      knownTerm: () => false,
    }).find((g) => g.label === word)?.kind;

  it.each<[string, string, WordKind]>([
    ["娘が熱を出したので預けたい", "娘", "background"],
    ["夫が単身赴任で陣痛が来たら", "夫", "background"],
    ["祖母が認知症で心配", "祖母", "noun"], // knowledge/synonyms.yaml: 祖母 → 高齢者
    // 始める is what the resident will do, not the thing 新規 (it was promoted: 「何から始めれば」 asked for 新規就農)
    ["ウォーキングを始めたい", "始め", "verb"],
  ])("%s: %s is %s", (question, word, kind) => {
    expect(kindIn(question, word)).toBe(kind);
  });
});
