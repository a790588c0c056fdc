// The LINE side of a handoff to staff: the resident is told what happens, their next messages go to the
// staff desk (the bot stays silent), and a staff reply reaches them as a LINE push. The staff desk here is
// a recorder standing in for Slack (test/slack covers the round trip with both fakes).
import { afterAll, beforeAll, expect, it } from "vitest";
import { startLineTestServer, type LineTestServer } from "./line-test-server.js";
import { lineUserId } from "./line-events.js";
import type { HandoffTicket, StaffDesk, ThreadRef } from "../../src/dialogue/handoff/handoff.js";
import { HANDOFF_MESSAGES } from "../../src/dialogue/handoff/handoff-messages.js";

const posted: { kind: "open" | "post"; text: string }[] = [];
const desk: StaffDesk = {
  async openThread(_ticket: HandoffTicket, text: string): Promise<ThreadRef> {
    posted.push({ kind: "open", text });
    return { channel: "C1", ts: "1.0" };
  },
  async postToThread(_ticket: HandoffTicket, text: string) {
    posted.push({ kind: "post", text });
  },
  async noteClosed() {},
};

let t: LineTestServer;
beforeAll(async () => {
  t = await startLineTestServer();
});
afterAll(async () => {
  await t.close();
});

async function say(user: string, text: string) {
  const event = t.events.text(user, text);
  await t.deliver([event]);
  await t.settle();
  return t.platform.replies.filter((r) => r.replyToken === event.replyToken);
}

it("tells a resident plainly when no staff desk is connected, and where to call instead", async () => {
  const [reply] = await say(lineUserId(), "職員と話したい");
  const sent = JSON.stringify(reply!.messages);
  expect(sent).toContain("おつなぎできません");
  expect(sent).toContain("市役所");
  expect(sent).not.toContain(HANDOFF_MESSAGES.opened.split("\n")[0]);
});

it("hands the conversation to staff, relays the resident's messages masked, and pushes the staff reply", async () => {
  t.server.services.handoff.attachDesk(desk);
  const user = lineUserId();
  const [opened] = await say(user, "職員と話したい");
  expect(JSON.stringify(opened!.messages)).toContain(HANDOFF_MESSAGES.opened.split("\n")[0]);
  expect(posted.at(-1)!.kind).toBe("open");

  const silent = await say(user, "電話は090-1234-5678です。保育園の申込みについて");
  expect(silent).toEqual([]);
  expect(posted.at(-1)).toEqual({ kind: "post", text: expect.stringContaining("保育園の申込み") });
  expect(posted.at(-1)!.text).not.toContain("090-1234-5678");

  expect(await t.server.services.handoff.relayFromStaff({ channel: "C1", ts: "1.0" }, "申込みは4月からです。")).toBe(
    "sent",
  );
  const push = t.platform.pushes.find((p) => p.to === user)!;
  expect(JSON.stringify(push.messages)).toContain("申込みは4月からです。");
  expect(push.retryKey).toMatch(/^[0-9a-f-]{36}$/);
});
