// The outbound client against the fake platform: timeouts, bounded retries on 429/5xx, retry keys on push.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeLinePlatform } from "../fakes/line-platform.js";
import { LineApiClient, LineApiError } from "../../src/channels/line/line-api-client.js";
import { retryKeyFor } from "../../src/channels/line/retry-key.js";
import { retryDelayMs } from "../../src/channels/line/retry-policy.js";

const TOKEN = "test-channel-access-token";
const REPLY = "/v2/bot/message/reply";
const PUSH = "/v2/bot/message/push";
const hello = [{ type: "text" as const, text: "こんにちは" }];

let platform: FakeLinePlatform;
const sleeps: number[] = [];
/** The client's clock moves only when it sleeps, so a 429's pause is waited out to the millisecond. */
let clock = 0;

function client(overrides: Partial<ConstructorParameters<typeof LineApiClient>[0]> = {}) {
  return new LineApiClient({
    channelAccessToken: TOKEN,
    apiBaseUrl: platform.baseUrl,
    random: () => 0.5,
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    ...overrides,
  });
}

beforeAll(async () => {
  platform = await FakeLinePlatform.start({ channelAccessToken: TOKEN });
});
afterAll(async () => {
  await platform.close();
});
beforeEach(() => {
  sleeps.length = 0;
  platform.calls.length = 0;
});

describe("LineApiClient", () => {
  it("replies once with a fresh token; the same token again is refused by LINE and not retried", async () => {
    const token = platform.issueReplyToken();
    await client().reply(token, hello);
    expect(platform.replies.at(-1)).toEqual({ replyToken: token, messages: hello });
    const error = await client()
      .reply(token, hello)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LineApiError);
    expect((error as LineApiError).status).toBe(400);
    expect(platform.calls.filter((c) => c.endpoint === REPLY)).toHaveLength(2);
  });

  it("sends the bearer token: a wrong one gets 401 and is not retried", async () => {
    const error = await client({ channelAccessToken: "wrong" })
      .reply(platform.issueReplyToken(), hello)
      .catch((e: unknown) => e);
    expect((error as LineApiError).status).toBe(401);
    expect(platform.calls).toHaveLength(1);
  });

  it("retries a 500 and a 429 with jittered backoff, then succeeds", async () => {
    platform.failNext(REPLY, 500, 1);
    await client().reply(platform.issueReplyToken(), hello);
    platform.failNext(REPLY, 429, 1, { message: "Too Many Requests" });
    await client().reply(platform.issueReplyToken(), hello);
    expect(platform.calls.map((c) => c.status)).toEqual([500, 200, 429, 200]);
    expect(sleeps).toEqual([125, 125]); // random 0.5 × base 250 ms on the first retry
  });

  it("gives up after maxAttempts, so a failing LINE sees a bounded number of calls", async () => {
    platform.failNext(REPLY, 503, 10);
    const error = await client()
      .reply(platform.issueReplyToken(), hello)
      .catch((e: unknown) => e);
    expect((error as LineApiError).status).toBe(503);
    expect(platform.calls).toHaveLength(3);
    expect(sleeps).toEqual([125, 250]);
  });

  it("does not retry a 429 that says the monthly quota is spent", async () => {
    platform.failNext(PUSH, 429, 1, { message: "You have reached your monthly limit." });
    const error = await client()
      .push("U1", hello, retryKeyFor("ev1"))
      .catch((e: unknown) => e);
    expect((error as LineApiError).status).toBe(429);
    expect(platform.calls).toHaveLength(1);
  });

  it("honours Retry-After (bounded by the policy's maximum)", async () => {
    platform.failNext(REPLY, 429, 1, { message: "Too Many Requests" }, { "retry-after": "2" });
    await client().reply(platform.issueReplyToken(), hello);
    expect(sleeps[0]).toBe(2_000);
    expect(retryDelayMs({ maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 4_000 }, 1, "3600", () => 0)).toBe(4_000);
  });

  it("times out a call that hangs, and retries it within the attempt bound", async () => {
    platform.delay("/v2/bot/chat/loading/start", 300);
    const error = await client({ timeoutMs: 50 })
      .showLoadingAnimation("U1", 20)
      .catch((e: unknown) => e);
    platform.delay("/v2/bot/chat/loading/start", 0);
    expect(error).toBeInstanceOf(LineApiError);
    expect((error as LineApiError).status).toBeUndefined();
    expect(sleeps).toHaveLength(2);
  });

  it("pushes with X-Line-Retry-Key; repeating the key is accepted (409) but delivered once", async () => {
    const key = retryKeyFor("01EVENT");
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(retryKeyFor("01EVENT")).toBe(key);
    const before = platform.pushes.length;
    expect((await client().push("U2", hello, key)).status).toBe(200);
    expect((await client().push("U2", hello, key)).status).toBe(409);
    expect(platform.pushes.length - before).toBe(1);
    expect(platform.pushes.at(-1)).toEqual({ to: "U2", messages: hello, retryKey: key });
  });

  it("rounds the loading animation to LINE's 5–60 s steps", async () => {
    await client().showLoadingAnimation("Uabc", 7);
    await client().showLoadingAnimation("Uabc", 600);
    expect(platform.loadings.filter((l) => l.chatId === "Uabc")).toEqual([
      { chatId: "Uabc", loadingSeconds: 10 },
      { chatId: "Uabc", loadingSeconds: 60 },
    ]);
  });
});
