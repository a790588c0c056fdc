// The 制度診断's state transitions: an earlier answer can change without losing the later ones, and a step
// that no longer applies is dropped.
import { beforeAll, describe, expect, it } from "vitest";
import { loadDialogueData } from "../../src/dialogue/intents/load-dialogue-data.js";
import type { CheckDefinition } from "../../src/dialogue/check/check-schema.js";
import { answerStep, backStep, editStep, plannedSteps, startCheck } from "../../src/dialogue/check/check-flow.js";
import { readCheckCommand } from "../../src/dialogue/check/check-text.js";
import { OptionWords, wordsOf } from "../../src/dialogue/check/option-words.js";
import { analyzeMessage } from "../../src/text/analysis.js";
import { createJapaneseTokenizer, type JapaneseTokenizer } from "../../src/text/tokenizer.js";

let def: CheckDefinition;
let words: OptionWords;
let tokenizer: JapaneseTokenizer;
beforeAll(async () => {
  def = (await loadDialogueData("intents")).check;
  tokenizer = await createJapaneseTokenizer();
  words = new OptionWords(tokenizer);
});

const step = (id: string) => def.steps.find((s) => s.id === id);

describe("check flow", () => {
  it("asks who, then household (for individuals), then plans, then shows the result", () => {
    let s = startCheck(def);
    expect(s.asking).toBe("who");
    s = answerStep(def, s, "who", ["individual"]);
    expect(s.asking).toBe("household");
    s = answerStep(def, s, "household", ["infant"]);
    expect(s.asking).toBe("plans");
    s = answerStep(def, s, "plans", ["move"]);
    expect(s.asking).toBeNull();
  });

  it("skips the household for a business, and drops it when who changes", () => {
    let s = answerStep(def, answerStep(def, startCheck(def), "who", ["individual"]), "household", ["infant"]);
    s = answerStep(def, editStep(def, s, "who"), "who", ["business"]);
    expect(s.answers).toEqual({ who: ["business"] });
    expect(s.asking).toBe("plans");
    expect(plannedSteps(def, s.answers).map((x) => x.id)).toEqual(["who", "plans"]);
  });

  it("changing an earlier answer keeps the later ones and goes straight back to the result", () => {
    let s = startCheck(def);
    s = answerStep(def, s, "who", ["individual"]);
    s = answerStep(def, s, "household", ["infant"]);
    s = answerStep(def, s, "plans", ["move"]);
    s = answerStep(def, editStep(def, s, "household"), "household", ["pregnant"]);
    expect(s).toEqual({
      answers: { who: ["individual"], household: ["pregnant"], plans: ["move"] },
      asking: null,
      paused: false,
    });
  });

  it("goes back one question, from the result to the last question, and not before the first", () => {
    let s = answerStep(def, startCheck(def), "who", ["individual"]);
    expect(backStep(def, s).asking).toBe("who");
    expect(backStep(def, backStep(def, s)).asking).toBe("who");
    s = answerStep(def, answerStep(def, s, "household", ["none"]), "plans", ["none"]);
    expect(backStep(def, s).asking).toBe("plans");
  });

  it.each([
    ["乳幼児と小学生", "household", { op: "answer", step: "household", options: ["infant", "elementary"] }],
    ["2", "who", { op: "answer", step: "who", options: ["business"] }],
    ["会社をやっています", "who", { op: "answer", step: "who", options: ["business"] }],
    ["特にない", "plans", { op: "answer", step: "plans", options: ["none"] }],
    ["起業したい", "plans", { op: "answer", step: "plans", options: ["startup"] }],
    ["戻る", "plans", { op: "back" }],
    ["家族を変えたい", "plans", { op: "edit", step: "household" }],
    ["診断をやめる", "who", { op: "quit" }],
    ["子育て中です", "who", { op: "answer", step: "who", options: ["individual"] }],
    ["農家です", "who", { op: "answer", step: "who", options: ["farmer"] }],
    ["のうかをやってます", "who", { op: "answer", step: "who", options: ["farmer"] }],
    ["かいしゃけいえい", "who", { op: "answer", step: "who", options: ["business"] }],
    ["あかちゃんがいる", "household", { op: "answer", step: "household", options: ["infant"] }],
    ["にんしんちゅう", "household", { op: "answer", step: "household", options: ["pregnant"] }],
    ["いじゅうしたい", "plans", { op: "answer", step: "plans", options: ["move"] }],
  ] as const)("reads 「%s」 while asking %s", (text, asking, command) => {
    expect(readCheckCommand(analyzeMessage(text, tokenizer), def, step(asking), words)).toEqual(command);
  });

  it("names an option by an audience word only when no other option of the question shares it", () => {
    const household = step("household")!;
    const infant = household.options.find((o) => o.id === "infant")!;
    expect(wordsOf(infant, household)).not.toContain("子育て"); // 小学生 and 中学生 are 子育て世帯 too
    const who = step("who")!;
    expect(wordsOf(who.options.find((o) => o.id === "individual")!, who)).toContain("子育て");
  });

  it("does not read an unrelated question as an answer", () => {
    expect(
      readCheckCommand(analyzeMessage("陣痛タクシーの担当課", tokenizer), def, step("who"), words),
    ).toBeUndefined();
  });
});
