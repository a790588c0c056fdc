// A card shown alone (a 詳しく answer, a single program) carries the program's whole summary on LINE: in the
// Flex bubble, in the notification text (altText) and in the plain-text fallback. The replies come from the
// real engine over the repository's knowledge; いまりんバス's summary lists its three routes after the
// first sentences, so a clipped summary would lose them.
import { beforeAll, describe, expect, it } from "vitest";
import type { messagingApi } from "@line/bot-sdk";
import { createHarness, type Harness } from "../dialogue/engine-harness.js";
import type { Reply } from "../../src/dialogue/reply/reply.js";
import { plainFallback, renderLineReply } from "../../src/channels/line/render-reply.js";
import { validateLineMessages } from "../../src/channels/line/line-limits.js";

const BUS = "imari-community-bus-unko";
const ROUTES = ["いまりんバス市街地線", "いまりんバス地域線", "いまりんバス郊外線"];
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

const flexOf = (messages: messagingApi.Message[]) =>
  messages.find((m): m is messagingApi.FlexMessage => m.type === "flex")!;
function textsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (typeof node !== "object" || node === null) return [];
  const o = node as Record<string, unknown>;
  const own = o["type"] === "text" && typeof o["text"] === "string" ? [o["text"]] : [];
  return [...own, ...Object.values(o).flatMap(textsOf)];
}
const textOf = (messages: messagingApi.Message[]) => messages.map((m) => (m.type === "text" ? m.text : "")).join("\n");

async function detailReply(): Promise<Reply> {
  return h.engine().respond({
    user: "U-detail",
    channel: "line",
    municipality: "伊万里市",
    action: { kind: "aspect", programId: BUS, aspect: "detail" },
  });
}

describe("a detail answer on LINE", () => {
  it("shows the whole summary, line by line, in the bubble", async () => {
    const r = await detailReply();
    expect(r.cards.map((c) => c.id)).toEqual([BUS]);
    const messages = renderLineReply(r);
    expect(validateLineMessages(messages)).toEqual([]);
    const texts = textsOf(flexOf(messages).contents).join("\n");
    for (const route of ROUTES) expect(texts).toContain(route);
    expect(texts).toContain("1日10便");
    const summaryComponent = textsOf(flexOf(messages).contents).find((t) => t.includes("市街地線"))!;
    expect(summaryComponent.split("\n").length).toBeGreaterThanOrEqual(4);
  });

  it("puts the summary in the notification text and in the plain-text fallback", async () => {
    const r = await detailReply();
    const alt = flexOf(renderLineReply(r)).altText;
    for (const route of ROUTES) expect(alt).toContain(route);
    const plain = plainFallback(r);
    expect(validateLineMessages(plain)).toEqual([]);
    for (const route of ROUTES) expect(textOf(plain)).toContain(route);
    expect(textOf(plain)).toContain("出典:");
  });

  it("keeps the short summary on cards shown together in a carousel", async () => {
    const bus = (await detailReply()).cards[0]!;
    const other = h.knowledge.programs.find((p) => p.municipality === "伊万里市" && p.id !== BUS && p.summary)!;
    const two = (
      await h.engine().respond({
        user: "U-two",
        channel: "line",
        municipality: "伊万里市",
        action: { kind: "aspect", programId: other.id, aspect: "detail" },
      })
    ).cards[0]!;
    const messages = renderLineReply({ ...(await detailReply()), cards: [bus, two] });
    const texts = textsOf(flexOf(messages).contents).join("\n");
    expect(texts).not.toContain("いまりんバス郊外線");
    expect(validateLineMessages(messages)).toEqual([]);
  });
});
