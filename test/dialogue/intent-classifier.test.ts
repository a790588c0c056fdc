// The intent classifier on a held-out table of residents' messages (none of them an example in intents/).
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createJapaneseTokenizer, type JapaneseTokenizer } from "../../src/text/tokenizer.js";
import { loadDialogueData, type DialogueData } from "../../src/dialogue/intents/load-dialogue-data.js";
import { IntentClassifier } from "../../src/dialogue/intents/intent-classifier.js";
import { fillerKeys } from "../../src/dialogue/intents/topic-words.js";
import type { IntentId } from "../../src/dialogue/intents/intent-schema.js";
import { analyzeMessage } from "../../src/text/analysis.js";

interface HeldOut {
  text: string;
  intent: IntentId;
}

const heldOut = parse(readFileSync("test/fixtures/dialogue/intent-held-out.yaml", "utf8")) as HeldOut[];
let data: DialogueData;
let tokenizer: JapaneseTokenizer;
let classifier: IntentClassifier;

beforeAll(async () => {
  [data, tokenizer] = await Promise.all([loadDialogueData("intents"), createJapaneseTokenizer()]);
  classifier = new IntentClassifier(data.intents, tokenizer, fillerKeys(data.fillers));
});

const read = (text: string) => analyzeMessage(text, tokenizer);

describe("intent classifier", () => {
  it("has a held-out table of at least 60 messages, none of them an example", () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(60);
    const examples = new Set(data.intents.flatMap((i) => i.examples));
    expect(heldOut.filter((h) => examples.has(h.text)).map((h) => h.text)).toEqual([]);
  });

  it("covers every intent in the held-out table", () => {
    expect(new Set(heldOut.map((h) => h.intent))).toEqual(new Set(data.intents.map((i) => i.id)));
  });

  it("classifies at least 90 % of the held-out messages as written", () => {
    const wrong = heldOut
      .map((h) => ({ ...h, got: classifier.classify(read(h.text)).intent }))
      .filter((h) => h.got !== h.intent)
      .map((h) => `${h.text}: expected ${h.intent}, got ${h.got}`);
    const accuracy = 1 - wrong.length / heldOut.length;
    expect(accuracy, `misclassified:\n${wrong.join("\n")}`).toBeGreaterThanOrEqual(0.9);
  });

  it("classifies every example as its own intent", () => {
    const wrong = data.intents.flatMap((i) =>
      i.examples
        .filter((e) => classifier.classify(read(e)).intent !== i.id)
        .map((e) => `${e} (${i.id} → ${classifier.classify(read(e)).intent})`),
    );
    expect(wrong).toEqual([]);
  });

  it.each([
    ["不妊治療の助成の上限額は？", "amount"],
    ["陣痛タクシーの担当課", "contact"],
    ["こんにちは、移住の支援はありますか", "find"],
    ["担当の人と話したい", "handoff"],
    ["それの申請方法は", "apply"],
    ["ありがとう", "thanks"],
  ] as const)("reads %s as %s", (text, intent) => {
    expect(classifier.classify(read(text)).intent).toBe(intent);
  });
});
