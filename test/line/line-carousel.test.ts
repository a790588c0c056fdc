// Several programs on LINE: a signed webhook for a question that several programs fit is answered with a
// Flex carousel (one bubble per program, each numbered with why it is listed), the numbered list as the
// altText for clients without Flex, and quick replies that keep the aspects to ask over the list.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { messagingApi } from "@line/bot-sdk";
import { startLineTestServer, type LineTestServer } from "./line-test-server.js";
import { lineUserId } from "./line-events.js";
import { validateLineMessages } from "../../src/channels/line/line-limits.js";

let t: LineTestServer;
// an account for every municipality: 「移住の支援」 fits a program in each city
beforeAll(async () => {
  t = await startLineTestServer({ MADOGUCHI_MUNICIPALITY: "" });
});
afterAll(async () => {
  await t.close();
});

async function say(user: string, text: string): Promise<messagingApi.Message[]> {
  const event = t.events.text(user, text);
  const res = await t.deliver([event]);
  expect(res.status).toBe(200);
  await t.settle();
  return t.platform.replies.find((r) => r.replyToken === event.replyToken)!.messages as messagingApi.Message[];
}

it("answers 「移住の支援」 with a carousel of the programs, one bubble each, within LINE's limits", async () => {
  const messages = await say(lineUserId(), "移住の支援");
  expect(validateLineMessages(messages)).toEqual([]);
  const flex = messages.find((m): m is messagingApi.FlexMessage => m.type === "flex");
  expect(flex, JSON.stringify(messages)).toBeDefined();
  expect(flex!.contents.type).toBe("carousel");
  const bubbles = (flex!.contents as messagingApi.FlexCarousel).contents;
  expect(bubbles.length).toBeGreaterThan(1);
  expect(bubbles.length).toBeLessThanOrEqual(12);
  expect(JSON.stringify(bubbles[0])).toMatch(/"text":"1\. [^"]*移住/u);
  // clients without Flex show the altText: the numbered list
  expect(flex!.altText).toMatch(/1\. .+\n[\s\S]*2\. /u);
  // the text says what was found and how to narrow it, without repeating the list the carousel shows
  const text = messages
    .filter((m): m is messagingApi.TextMessage => m.type === "text")
    .map((m) => m.text)
    .join("\n");
  expect(text).not.toMatch(/^1\. /mu);
  const quick = (messages.at(-1)!.quickReply?.items ?? []).map((i) => (i.action as { label: string }).label);
  expect(quick).toEqual(expect.arrayContaining(["金額", "対象", "申請方法", "問い合わせ先"]));
});

it("answers a quick reply 「金額」 under the carousel about the listed programs", async () => {
  const user = lineUserId();
  const first = await say(user, "移住の支援");
  const amount = first.at(-1)!.quickReply!.items!.find((i) => (i.action as { label: string }).label === "金額")!;
  const asked = await say(user, (amount.action as { text: string }).text);
  expect(JSON.stringify(asked)).toContain("金額");
  expect(validateLineMessages(asked)).toEqual([]);
});
