// Every program of the knowledge base, opened from a list and asked about through each card button, as
// the bot answers it on LINE: every message must pass the fake platform's limit checks (LINE would refuse
// it otherwise and the resident would get nothing).
import { afterAll, beforeAll, expect, it } from "vitest";
import { startLineTestServer, type LineTestServer } from "./line-test-server.js";
import { lineUserId } from "./line-events.js";
import { CARD_BUTTONS } from "../../src/channels/line/flex-program-card.js";
import { encodePostbackAction } from "../../src/channels/line/postback-action.js";

let t: LineTestServer;
beforeAll(async () => {
  t = await startLineTestServer({ MADOGUCHI_MUNICIPALITY: "" });
});
afterAll(async () => {
  await t.close();
});

it("answers every program's card and every card button with messages LINE accepts", async () => {
  const programs = t.server.services.knowledge().programs;
  expect(programs.length).toBeGreaterThan(100);
  const tokens: string[] = [];
  for (const p of programs) {
    const user = lineUserId();
    const presses = [
      t.events.postback(user, encodePostbackAction({ kind: "select", programId: p.id })!),
      ...CARD_BUTTONS.map((b) =>
        t.events.postback(user, encodePostbackAction({ kind: "aspect", programId: p.id, aspect: b.aspect })!),
      ),
    ];
    tokens.push(...presses.map((e) => e.replyToken!));
    expect((await t.deliver(presses)).status).toBe(200);
  }
  await t.settle();
  expect(t.platform.rejected).toEqual([]);
  const answered = new Set(t.platform.replies.map((r) => r.replyToken));
  expect(tokens.filter((token) => !answered.has(token))).toEqual([]);
  const cards = t.platform.replies
    .flatMap((r) => r.messages as { type: string; altText?: string }[])
    .filter((m) => m.type === "flex");
  for (const p of programs)
    expect(
      cards.some((m) => m.altText!.includes(p.name.slice(0, 40))),
      p.id,
    ).toBe(true);
});
