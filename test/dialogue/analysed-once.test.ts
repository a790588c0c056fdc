// A message is analysed once per turn: the engine makes one Analysis at its top, and the intents, the
// search and the answers read that value. Counted through the tokenizer the engine and the index are
// given (a plain object), over a real conversation on the served knowledge.
import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./engine-harness.js";
import { SearchIndex } from "../../src/search/search-index.js";
import { spelledForTokenizer } from "../../src/text/analyze.js";
import type { JapaneseTokenizer } from "../../src/text/tokenizer.js";
import type { ConversationEngine } from "../../src/dialogue/engine/conversation-engine.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

/** An engine whose tokenizer (the engine's and the index's) records every text it is asked to read. */
function countingEngine(): { engine: ConversationEngine; calls: string[] } {
  const calls: string[] = [];
  const tokenizer: JapaneseTokenizer = {
    dictionarySource: h.tokenizer.dictionarySource,
    readings: (surface) => h.tokenizer.readings(surface),
    tokenize(text) {
      calls.push(text);
      return h.tokenizer.tokenize(text);
    },
  };
  const index = SearchIndex.fromParts(h.index.parts, tokenizer);
  return { engine: h.engine({ snapshot: () => ({ knowledge: h.knowledge, index }), tokenizer }), calls };
}

const times = (calls: readonly string[], text: string) => calls.filter((c) => c === text).length;

describe("one analysis per turn", () => {
  it.each([
    // a topic, a follow-up, an aspect with a topic (its topic without the aspect's words is searched), a
    // topic nothing has, browsing, a list position, a spelling the tokenizer is given rewritten (障がい)
    [
      "飯塚市",
      "飯塚市",
      ["不妊治療の助成って何年間もらえる？", "いくら？", "陣痛タクシーの担当課は？", "ペットの医療費"],
    ],
    ["飯塚市", "飯塚市", ["子育ての制度を一覧で", "2番目", "障がい児の支援は？"]],
    ["every municipality", null, ["伊万里市の婚活の支援", "こんにちは", "コミュニティバスの運賃"]],
  ] as const)("in %s: each message is read by the tokenizer once", async (_, municipality, texts) => {
    const { engine, calls } = countingEngine();
    for (const text of texts) {
      calls.length = 0;
      const r = await engine.respond({ user: "u", channel: "test", municipality, text });
      expect(r.text.length, text).toBeGreaterThan(0);
      expect(times(calls, spelledForTokenizer(text)), `${text}: ${calls.join(" | ")}`).toBe(1);
      // nor is anything else read twice (the topic without its cues, a program's sentences, a word)
      expect(
        calls.filter((c) => times(calls, c) > 1),
        text,
      ).toEqual([]);
    }
  });

  it("answers as before: the analysed message finds the program a user asked about", async () => {
    const { engine } = countingEngine();
    const r = await engine.respond({
      user: "u",
      channel: "test",
      municipality: "飯塚市",
      text: "陣痛タクシーの担当課は？",
    });
    expect(r.programs.map((p) => p.id)).toEqual(["iizuka-jintsu-taxi"]);
    expect(r.text).toContain("こども家庭課");
  });
});
