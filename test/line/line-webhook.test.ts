// The LINE webhook on the real server (startServer), answering through a fake LINE platform on 127.0.0.1:
// what residents get for questions, buttons, follow and stickers; and the receiving rules (signatures,
// duplicates, failures isolated, ignored events, malformed bodies).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { messagingApi } from "@line/bot-sdk";
import { startLineTestServer, CHANNEL_SECRET, type LineTestServer } from "./line-test-server.js";
import { lineUserId, webhookBody } from "./line-events.js";
import { signLineBody } from "../../src/channels/line/verify-signature.js";
import { decodePostbackAction } from "../../src/channels/line/postback-action.js";

let t: LineTestServer;
beforeAll(async () => {
  t = await startLineTestServer();
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await t.settle();
});

type Msg = messagingApi.Message & { text?: string; altText?: string; contents?: messagingApi.FlexContainer };
const repliesTo = (token: string) => t.platform.replies.filter((r) => r.replyToken === token);
const onlyReplyTo = (token: string): Msg[] => {
  const found = repliesTo(token);
  expect(found, `replies with token ${token}`).toHaveLength(1);
  return found[0]!.messages as Msg[];
};
const bubbles = (m: Msg): messagingApi.FlexBubble[] =>
  m.contents!.type === "carousel" ? m.contents!.contents : [m.contents as messagingApi.FlexBubble];
const allText = (node: unknown): string => JSON.stringify(node);

async function ask(text: string, user = lineUserId()) {
  const event = t.events.text(user, text);
  const response = await t.deliver([event]);
  await t.settle();
  return { response, event, messages: onlyReplyTo(event.replyToken!) };
}

describe("a resident's question", () => {
  it.each([
    ["婚活の支援はありますか", "婚活推進事業"],
    ["不妊治療の助成", "不妊治療エンゼルサポート事業"],
    ["梨農家の支援", "伊万里梨産地強化支援事業"],
    ["新しく農業を始めたい", "新規就農者支援事業"],
    ["移住したい", "移住・定住促進事業"],
  ])("「%s」 gets a Flex card naming %s, with its source and buttons", async (question, program) => {
    const { response, messages } = await ask(question);
    expect(response.status).toBe(200);
    const flex = messages.find((m) => m.type === "flex")!;
    expect(flex, JSON.stringify(messages).slice(0, 300)).toBeDefined();
    expect(flex.altText).toContain(program);
    const [bubble] = bubbles(flex);
    expect(allText(bubble!.body)).toContain(program);
    expect(allText(bubble!.body)).toContain("令和3年11月");
    const labels = (bubble!.footer!.contents as messagingApi.FlexButton[]).map(
      (b) => (b.action as { label: string }).label,
    );
    expect(labels).toEqual(["金額", "対象", "問い合わせ先", "申請方法", "詳しく"]);
  });

  it("several matches come as a numbered carousel whose quick reply opens the chosen program's card", async () => {
    const user = lineUserId();
    const { messages } = await ask("伊万里牛のこと", user);
    const carousel = messages.find((m) => m.type === "flex")!;
    expect(allText(bubbles(carousel)[0]!.body)).toMatch(/1\. 伊万里牛/);
    const choice = messages
      .at(-1)!
      .quickReply!.items!.map((i) => i.action as messagingApi.PostbackAction)
      .find((a) => a.label!.includes("伊万里牛産地強化支援事業"))!;
    const press = t.events.postback(user, choice.data!);
    await t.deliver([press]);
    await t.settle();
    const flex = onlyReplyTo(press.replyToken!).find((m) => m.type === "flex")!;
    expect(allText(bubbles(flex)[0]!.body)).toContain("伊万里牛産地強化支援事業");
  });

  it("a card's 問い合わせ先 button answers with that program's department, as a follow-up of the same resident", async () => {
    const user = lineUserId();
    const { messages } = await ask("不妊治療の助成", user);
    const button = (
      bubbles(messages.find((m) => m.type === "flex")!)[0]!.footer!.contents as messagingApi.FlexButton[]
    )[2]!.action as messagingApi.PostbackAction;
    expect(decodePostbackAction(button.data!)).toMatchObject({ kind: "aspect", aspect: "contact" });
    const press = t.events.postback(user, button.data!);
    await t.deliver([press]);
    await t.settle();
    const answer = allText(onlyReplyTo(press.replyToken!));
    expect(answer).toContain("不妊治療エンゼルサポート事業");
    expect(answer).toContain("健康づくり課");
  });

  it("a follow-up 「いくら？」 is about the program in focus, and unfollow forgets it", async () => {
    const user = lineUserId();
    await ask("婚活の支援はありますか", user);
    expect(allText((await ask("いくら？", user)).messages)).toContain("婚活推進事業");
    await t.deliver([t.events.unfollow(user)]);
    await t.settle();
    expect(allText((await ask("いくら？", user)).messages)).not.toContain("婚活推進事業");
  });

  it("a button from an old message that no longer decodes gets a polite text, not an error", async () => {
    const press = t.events.postback(lineUserId(), "action=legacy&id=42");
    await t.deliver([press]);
    await t.settle();
    expect(onlyReplyTo(press.replyToken!)[0]!.text).toContain("このボタンは使えなくなりました");
  });
});

describe("follow, stickers and other messages", () => {
  it("greets a new friend: what the bot does, a request not to send personal data, quick replies by life event", async () => {
    const follow = t.events.follow(lineUserId());
    await t.deliver([follow]);
    await t.settle();
    const [greeting] = onlyReplyTo(follow.replyToken!);
    expect(greeting!.text).toContain("伊万里市の支援制度");
    expect(greeting!.text).toContain("個人情報は送らないでください");
    const labels = greeting!.quickReply!.items!.map((i) => (i.action as { label: string }).label);
    // 伊万里市's knowledge has no 高齢・介護 program: its account offers 就農 instead of a tile that finds nothing
    expect(labels).toEqual(["子育て", "移住", "仕事", "就農", "制度診断", "職員に相談"]);
  });

  it("greets with an example question that finds something for this account", async () => {
    const follow = t.events.follow(lineUserId());
    await t.deliver([follow]);
    await t.settle();
    const example = /「([^」]+)」のように/u.exec(onlyReplyTo(follow.replyToken!)[0]!.text ?? "")?.[1];
    expect(example).toBeDefined();
    const asked = t.events.text(lineUserId(), example!);
    await t.deliver([asked]);
    await t.settle();
    const answer = JSON.stringify(t.platform.replies.find((r) => r.replyToken === asked.replyToken)!.messages);
    expect(answer).not.toContain("見つかりませんでした");
    expect(answer).toContain("伊万里市");
  });

  it.each(["sticker", "image", "video", "audio", "location", "file"] as const)(
    "answers a %s with a polite request for words",
    async (type) => {
      const event = t.events.media(lineUserId(), type);
      await t.deliver([event]);
      await t.settle();
      const [reply] = onlyReplyTo(event.replyToken!);
      expect(reply!.text).toContain("文字で送ってください");
    },
  );

  it("shows the loading animation in a one-to-one chat whose answer waits, never in a group", async () => {
    const slow = await startLineTestServer({ LINE_LOADING_AFTER_MS: "0" });
    try {
      const user = lineUserId();
      // The second question waits while the first answer goes out: not immediate.
      await slow.deliver([slow.events.text(user, "婚活の支援"), slow.events.text(user, "不妊治療の助成")]);
      const member = lineUserId();
      await slow.deliver([
        slow.events.inGroup(slow.events.text(member, "婚活の支援")),
        slow.events.inGroup(slow.events.text(member, "不妊治療の助成")),
      ]);
      await slow.settle();
      expect(slow.platform.loadings.length).toBeGreaterThan(0);
      expect(slow.platform.loadings.every((l) => l.chatId === user && l.loadingSeconds === 20)).toBe(true);
      expect(slow.platform.replies).toHaveLength(4);
    } finally {
      await slow.close();
    }
  });
});

describe("receiving rules", () => {
  const unique = () => `SECRET-MARKER-${Math.random().toString(36).slice(2)}`;

  it.each([
    ["unsigned", null],
    ["forged (signed with another secret)", signLineBody("not-the-channel-secret", "x")],
    ["wrong length", "c2lnbmF0dXJl"],
    ["empty", ""],
  ])("answers a %s webhook 401 with a fixed body, echoes nothing and replies to no one", async (_case, signature) => {
    const marker = unique();
    const event = t.events.text(lineUserId(), marker);
    const replies = t.platform.replies.length;
    const response = await t.platform.deliver(
      t.webhookUrl,
      CHANNEL_SECRET,
      webhookBody([event]),
      signature,
      t.server.request,
    );
    const body = await response.text();
    expect(response.status).toBe(401);
    expect(body).toBe('{"message":"invalid signature"}');
    expect(body).not.toContain(marker);
    await t.settle();
    expect(t.platform.replies.length).toBe(replies);
    expect(t.platform.pushes.some((p) => JSON.stringify(p).includes(marker))).toBe(false);
  });

  it("answers the same event delivered twice in a row once, and a redelivery of it not at all", async () => {
    const event = t.events.text(lineUserId(), "婚活の支援");
    expect((await t.deliver([event])).status).toBe(200);
    expect((await t.deliver([event])).status).toBe(200);
    expect((await t.deliver([t.events.redelivered(event)])).status).toBe(200);
    await t.settle();
    expect(repliesTo(event.replyToken!)).toHaveLength(1);
    expect(t.platform.pushes.filter((p) => p.to === event.source.userId)).toHaveLength(0);
  });

  it("answers the same event delivered ten times at once exactly once", async () => {
    const event = t.events.text(lineUserId(), "不妊治療の助成");
    const responses = await Promise.all(Array.from({ length: 10 }, () => t.deliver([event])));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    await t.settle();
    expect(repliesTo(event.replyToken!)).toHaveLength(1);
    expect(t.platform.pushes.filter((p) => p.to === event.source.userId)).toHaveLength(0);
  });

  it("counts dropped duplicates and event outcomes in /metrics", async () => {
    const metrics = await (await t.server.request(`/metrics`)).text();
    expect(metrics).toMatch(/madoguchi_duplicate_deliveries_dropped_total\{channel="line"\} ([1-9]\d*)/);
    expect(metrics).toMatch(/madoguchi_line_events_total\{channel="line",type="message",outcome="answered"\} [1-9]/);
  });

  it("answers 200 and the other events when one event of a batch fails", async () => {
    const [a, broken, c] = [
      t.events.text(lineUserId(), "婚活の支援"),
      t.events.text(lineUserId(), "梨農家の支援"),
      t.events.follow(lineUserId()),
    ];
    // A refusal that no retry can mend (a 5xx would make the answer wait for LINE to recover: patient-delivery.test.ts).
    t.platform.failReplyToken(broken.replyToken!, 400);
    const response = await t.deliver([a, broken, c]);
    expect(response.status).toBe(200);
    await t.settle();
    expect(repliesTo(a.replyToken!)).toHaveLength(1);
    expect(repliesTo(c.replyToken!)).toHaveLength(1);
    expect(repliesTo(broken.replyToken!)).toHaveLength(0);
    expect(
      t.logs.entries().some((e) => e["msg"] === "line event failed" && e["webhookEventId"] === broken.webhookEventId),
    ).toBe(true);
  });

  it("ignores unknown event types, unknown message types and standby-mode events, with 200", async () => {
    const user = lineUserId();
    const unknown = { ...t.events.follow(user), type: "somethingNew", somethingNew: { x: 1 } };
    const unknownMessage = { ...t.events.text(user, "x"), message: { id: "1", type: "hologram" } };
    const standby = t.events.standby(t.events.text(user, "婚活の支援"));
    const calls = t.platform.calls.length;
    expect((await t.deliver([unknown, unknownMessage, standby])).status).toBe(200);
    await t.settle();
    expect(t.platform.calls.length).toBe(calls);
  });

  it("acknowledges LINE's connection check (no events) with 200", async () => {
    const response = await t.deliver([]);
    expect(response.status).toBe(200);
  });

  it.each([
    ["malformed JSON", Buffer.from('{"events": [', "utf8")],
    ["invalid UTF-8", Buffer.from([0x7b, 0x22, 0x65, 0x22, 0x3a, 0xff, 0xfe, 0x7d])],
    ["JSON without events", Buffer.from('{"destination":"U0"}', "utf8")],
  ])("answers a signed body of %s 400, and keeps serving", async (_case, raw) => {
    const response = await t.server.request(t.webhookUrl, {
      method: "POST",
      headers: { "x-line-signature": signLineBody(CHANNEL_SECRET, raw) },
      body: raw,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('{"message":"invalid webhook body"}');
    expect((await ask("婚活の支援")).messages.length).toBeGreaterThan(0);
  });

  it("answers a body over 1 MiB 413 without reading it all, and keeps serving", async () => {
    const big = webhookBody([t.events.text(lineUserId(), "あ".repeat(400_000))]);
    const response = await t.platform.deliver(t.webhookUrl, CHANNEL_SECRET, big);
    expect(response.status).toBe(413);
    expect((await ask("婚活の支援")).messages.length).toBeGreaterThan(0);
  });

  it("pushes with X-Line-Retry-Key when the reply token has expired", async () => {
    const user = lineUserId();
    const event = { ...t.events.text(user, "婚活の支援"), replyToken: t.platform.issueReplyToken(-1) }; // already expired
    await t.deliver([event]);
    await t.settle();
    const pushes = t.platform.pushes.filter((p) => p.to === user);
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.retryKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(pushes[0]!.messages)).toContain("婚活推進事業");
  });

  it("never answers a message that was unsent while it waited behind the resident's previous one", async () => {
    const user = lineUserId();
    const first = t.events.text(user, "婚活の支援");
    const second = t.events.text(user, "不妊治療の助成");
    await t.deliver([first, second, t.events.unsend(user, second.message.id)]);
    await t.settle();
    expect(repliesTo(first.replyToken!)).toHaveLength(1);
    expect(repliesTo(second.replyToken!)).toHaveLength(0);
  });

  it("logs no message text: My Numbers, phone numbers and e-mail addresses never appear unmasked", async () => {
    await ask("マイナンバーは1234 5678 9012、電話090-1234-5678、mail taro@example.jp です");
    const logs = t.logs.text();
    for (const secret of [
      "1234 5678 9012",
      "090-1234-5678",
      "taro@example.jp",
      CHANNEL_SECRET,
      "test-line-access-token",
    ])
      expect(logs).not.toContain(secret);
  });

  it("every message the bot sent passed the fake platform's limit checks", () => {
    expect(t.platform.rejected.filter((r) => r.problems)).toEqual([]);
  });
});
