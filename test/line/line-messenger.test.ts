// Reply or push: the reply token while it is fresh, a push (with a retry key) when it is not or LINE refuses it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeLinePlatform } from "../fakes/line-platform.js";
import { LineApiClient, LineApiError } from "../../src/channels/line/line-api-client.js";
import { LineMessenger } from "../../src/channels/line/line-messenger.js";
import { retryKeyFor } from "../../src/channels/line/retry-key.js";

const TOKEN = "messenger-token";
const hello = [{ type: "text" as const, text: "こんにちは" }];
let platform: FakeLinePlatform;
let now = 0;
let messenger: LineMessenger;

beforeAll(async () => {
  platform = await FakeLinePlatform.start({ channelAccessToken: TOKEN });
  const client = new LineApiClient({ channelAccessToken: TOKEN, apiBaseUrl: platform.baseUrl, sleep: async () => {} });
  messenger = new LineMessenger(client, { now: () => now });
});
afterAll(async () => {
  await platform.close();
});

const target = (over: Partial<Parameters<LineMessenger["deliver"]>[0]> = {}) => ({
  replyToken: platform.issueReplyToken(),
  receivedAt: 1_000_000,
  eventTimestamp: 1_000_000,
  chatId: "Uchat",
  retrySeed: `ev-${Math.random()}`,
  ...over,
});

describe("LineMessenger.deliver", () => {
  it("replies while the token is fresh", async () => {
    now = 1_000_000 + 49_000;
    const t = target();
    expect(await messenger.deliver(t, hello)).toBe("reply");
    expect(platform.replies.at(-1)!.replyToken).toBe(t.replyToken);
  });

  it("pushes, keyed by the event, once the token is older than 50 s after delivery", async () => {
    now = 1_000_000 + 51_000;
    const t = target();
    expect(await messenger.deliver(t, hello)).toBe("push");
    expect(platform.pushes.at(-1)).toEqual({ to: "Uchat", messages: hello, retryKey: retryKeyFor(t.retrySeed) });
  });

  it("pushes a redelivered event more than 20 minutes old even though it just arrived", async () => {
    now = 1_000_000 + 21 * 60_000;
    expect(await messenger.deliver(target({ receivedAt: now - 1_000 }), hello)).toBe("push");
  });

  it("pushes when LINE refuses the reply token", async () => {
    now = 1_000_000;
    const t = target({ replyToken: "never-issued" });
    expect(await messenger.deliver(t, hello)).toBe("push");
  });

  it("does not push after other failures (a 5xx reply may have been delivered)", async () => {
    now = 1_000_000;
    const t = target();
    platform.failReplyToken(t.replyToken, 503);
    const pushes = platform.pushes.length;
    await expect(messenger.deliver(t, hello)).rejects.toBeInstanceOf(LineApiError);
    expect(platform.pushes.length).toBe(pushes);
  });
});
