// A program's text cut into passages that can be quoted alone, and a question's words found in them.
import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.js";
import type { KnowledgeBase } from "../../src/knowledge/knowledge-base.js";
import type { Program } from "../../src/knowledge/schema.js";
import { analyzeMessage } from "../../src/text/analysis.js";
import { createJapaneseTokenizer, type JapaneseTokenizer } from "../../src/text/tokenizer.js";
import { loadDialogueData, type DialogueData } from "../../src/dialogue/intents/load-dialogue-data.js";
import { IntentClassifier } from "../../src/dialogue/intents/intent-classifier.js";
import { fillerKeys, questionFillerKeys } from "../../src/dialogue/intents/topic-words.js";
import { questionTerms, type QuestionTerms } from "../../src/dialogue/intents/question-terms.js";
import { programPassages, splitPassages } from "../../src/dialogue/answer/passages.js";
import { MAX_QUOTES, PassageReader } from "../../src/dialogue/answer/passage-match.js";

let kb: KnowledgeBase;
let tokenizer: JapaneseTokenizer;
let data: DialogueData;
let classifier: IntentClassifier;
beforeAll(async () => {
  [kb, tokenizer, data] = await Promise.all([
    loadKnowledgeOrThrow("knowledge"),
    createJapaneseTokenizer(),
    loadDialogueData("intents"),
  ]);
  classifier = new IntentClassifier(data.intents, tokenizer, fillerKeys(data.fillers));
});

function termsOf(text: string): QuestionTerms {
  const message = analyzeMessage(text, tokenizer);
  return questionTerms(message, classifier.classify(message).cues, questionFillerKeys(data.fillers), data.askedUnits);
}

describe("splitPassages", () => {
  it.each([
    ["sentences end at 。", "健康診査を実施する。また、受診券を発行", ["健康診査を実施する。", "また、受診券を発行"]],
    [
      "a parenthesis holding sentences becomes its sentences",
      "タクシーを運行する（運賃は300円、割引あり。運行時間帯は平日の8時から17時まで）。また、予約を受け付ける",
      ["タクシーを運行する", "運賃は300円、割引あり。", "運行時間帯は平日の8時から17時まで", "また、予約を受け付ける"],
    ],
    [
      "a parenthesis without a sentence stays",
      "大会を開催する。 ・開催時期 11月23日(勤労感謝の日) ・参加者 年齢・性別等は問わない",
      ["大会を開催する。", "開催時期 11月23日(勤労感謝の日)", "参加者 年齢・性別等は問わない"],
    ],
    [
      "list items after a space, and lines",
      "3コース ○20kmコース 湾岸コース ○6kmコース\n・市街地線…路線",
      ["3コース", "20kmコース 湾岸コース", "6kmコース", "市街地線…路線"],
    ],
  ])("%s", (_name, text, expected) => {
    expect(splitPassages(text)).toEqual(expected);
  });

  it("every passage of every program is the entry's own text", () => {
    const problems: string[] = [];
    for (const p of kb.programs) {
      const fields = JSON.stringify(p);
      for (const x of programPassages(p))
        if (!fields.includes(JSON.stringify(x.text).slice(1, -1))) problems.push(`${p.id}: ${x.text}`);
    }
    expect(problems).toEqual([]);
    expect(kb.programs.filter((p) => !p.nameOnly).every((p) => programPassages(p).length > 0)).toBe(true);
  });
});

describe("question terms", () => {
  it.each([
    ["何時まで走ってる？", ["走る"], ["何時"]],
    ["障がい者の割引は？", ["障害者", "割引"], []],
    ["妊婦健診", ["妊婦健診"], []],
    ["何人乗れる？", ["乗れる"], ["何人"]],
    ["保育士の修学資金は何年働けば返さなくていい？", ["保育士", "修学", "資金", "働く", "返す"], ["何年"]],
    ["大会の日程は？", ["大会"], ["日程"]],
  ])("%s", (text, words, asked) => {
    const terms = termsOf(text);
    expect(terms.words.map((w) => w.key)).toEqual(words);
    expect(terms.asked.map((a) => a.asks)).toEqual(asked);
  });
});

describe("PassageReader", () => {
  const program = (id: string): Program => kb.program(id)!;

  it.each([
    ["iizuka-yoyaku-noriai-taxi", "障害のある人は割引ある？", "運賃は300円、障がい者100円割引あり。"],
    ["iizuka-yoyaku-noriai-taxi", "何時まで？", "運行時間帯は平日の8時から17時まで"],
    ["imari-funin-chiryo-angel-support", "何年間？", "通算5年間"],
    ["iizuka-ninpu-kenko-shinsa", "受診券は？", "14回分の受診券"],
    ["iizuka-hoikushi-shugaku-shikin-kashitsuke", "返さなくていい？", "全額返済免除"],
  ])("%s: %s quotes the sentence with the answer", (id, question, fragment) => {
    const m = new PassageReader(tokenizer).match(program(id), termsOf(question));
    expect(m.quotes.length).toBeGreaterThan(0);
    expect(m.quotes.length).toBeLessThanOrEqual(MAX_QUOTES);
    expect(m.quotes.map((q) => q.text).join("\n")).toContain(fragment);
  });

  it("names the nouns the entry never mentions, and quotes nothing for them", () => {
    const m = new PassageReader(tokenizer).match(program("iizuka-yoyaku-noriai-taxi"), termsOf("ペットの同伴は？"));
    expect(m.missing.map((w) => w.surface)).toEqual(["ペット", "同伴"]);
    expect(m.found).toBe(0);
    expect(m.quotes).toEqual([]);
  });

  it("does not match a one-character word by its reading (健 reads like 券)", () => {
    const ken = { words: [{ surface: "健", key: "健", noun: true, reading: "けん" }], asked: [] };
    const m = new PassageReader(tokenizer).match(program("iizuka-ninpu-kenko-shinsa"), ken);
    expect(m.found).toBe(0);
    expect(m.quotes).toEqual([]);
  });

  it("knows the name of the program from a word of it", () => {
    const reader = new PassageReader(tokenizer);
    expect(reader.match(program("iizuka-yoyaku-noriai-taxi"), termsOf("乗合タクシー")).named).toBe(true);
    expect(reader.match(program("iizuka-area-wagon"), termsOf("運行は？")).named).toBe(false);
  });

  it("counts a near miss only where a near miss must count", () => {
    const reader = new PassageReader(tokenizer);
    const terms = termsOf("病児保育");
    expect(reader.hasAll(program("imari-byogoji-hoiku"), terms)).toBe(false);
    expect(reader.mayHaveAll(program("imari-byogoji-hoiku"), terms.words)).toBe(true);
    expect(reader.mayHaveAll(program("iizuka-yoyaku-noriai-taxi"), terms.words)).toBe(false);
  });
});
