// A handoff carries the person's last few typed questions, masked, so staff see what was actually asked;
// small talk is left out, and once handed over the questions are not handed over again.
import { beforeAll, expect, it } from "vitest";
import { createHarness, type Harness } from "./engine-harness.js";
import { RECENT_QUESTIONS_KEPT } from "../../src/dialogue/engine/recent-questions.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

it("hands staff the earlier questions, masked and oldest first, then forgets them", async () => {
  const engine = h.engine({ staffReachable: (channel) => channel === "line" });
  const say = (text: string) => engine.respond({ user: "U1", channel: "line", municipality: "伊万里市", text });
  const asked = [
    "不妊治療の助成はありますか",
    "児童手当の申請。マイナンバーは123456789012です",
    "こんにちは",
    "電話 090-1234-5678 に連絡ください。保育園の申込み",
    "いまりんバスの時刻",
  ];
  for (const text of asked) expect((await say(text)).handoff).toBeUndefined();
  const handoff = await say("職員と話したい");
  expect(handoff.handoff).toBe(true);
  expect(handoff.earlier).toEqual([
    "児童手当の申請。マイナンバーは[個人番号]です",
    "電話 [電話番号] に連絡ください。保育園の申込み",
    "いまりんバスの時刻",
  ]);
  expect(handoff.earlier).toHaveLength(RECENT_QUESTIONS_KEPT);
  const again = await say("職員と話したい");
  expect(again.handoff).toBe(true);
  expect(again.earlier).toBeUndefined();
});
