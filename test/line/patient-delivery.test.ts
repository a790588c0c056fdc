// An answer that waits out a LINE API outage: 5xx, 429 with Retry-After, refused connections — and goes out
// once, when LINE is back; one that LINE refuses for good is given up at once; a redo never answers twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "node:net";
import { FakeLinePlatform } from "../fakes/line-platform.js";
import { LineApiClient, LineApiError } from "../../src/channels/line/line-api-client.js";
import { LineMessenger } from "../../src/channels/line/line-messenger.js";
import { deliverPatiently } from "../../src/channels/line/patient-delivery.js";

const TOKEN = "patient-token";
const answer = [{ type: "text" as const, text: "児童手当の申請は市民課の窓口でできます。" }];
let platform: FakeLinePlatform;

beforeAll(async () => {
  platform = await FakeLinePlatform.start({ channelAccessToken: TOKEN });
});
afterAll(async () => {
  await platform.close();
});

function rig(baseUrl = platform.baseUrl) {
  let clock = 1_000_000;
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
    clock += ms;
  };
  const client = new LineApiClient({
    channelAccessToken: TOKEN,
    apiBaseUrl: baseUrl,
    sleep,
    now: () => clock,
    timeoutMs: 2_000,
  });
  const messenger = new LineMessenger(client, { now: () => clock });
  const target = () => ({
    replyToken: platform.issueReplyToken(),
    receivedAt: clock,
    eventTimestamp: clock,
    chatId: "Uresident",
    retrySeed: `ev-${Math.random()}`,
  });
  return { messenger, target, waits, sleep, now: () => clock, random: () => 1 };
}

describe("deliverPatiently", () => {
  it("waits through 40 s of 503s with back-off and answers once (by push after the token went stale)", async () => {
    const r = rig();
    platform.failNext("/v2/bot/message/reply", 503, 60);
    platform.failNext("/v2/bot/message/push", 503, 12);
    const t = r.target();
    const pushes = platform.pushes.length;
    const via = await deliverPatiently(r.messenger, t, answer, { sleep: r.sleep, now: r.now, random: r.random });
    expect(via).toBe("push");
    expect(platform.pushes.length - pushes).toBe(1);
    expect(r.waits.some((w) => w >= 8_000)).toBe(true); // backed off, not hammering
  });

  it("honours Retry-After on 429", async () => {
    const r = rig();
    platform.failNext("/v2/bot/message/reply", 429, 3, { message: "Too Many Requests" }, { "retry-after": "3" });
    const via = await deliverPatiently(r.messenger, r.target(), answer, {
      sleep: r.sleep,
      now: r.now,
      random: r.random,
    });
    expect(via).toBe("reply");
    expect(r.waits).toContain(3_000);
  });

  it("gives up after its patience when LINE refuses connections, with the error", async () => {
    const closed = createServer();
    await new Promise<void>((res) => closed.listen(0, "127.0.0.1", res));
    const port = (closed.address() as { port: number }).port;
    await new Promise((res) => closed.close(res));
    const r = rig(`http://127.0.0.1:${port}`);
    await expect(
      deliverPatiently(r.messenger, r.target(), answer, {
        sleep: r.sleep,
        now: r.now,
        random: r.random,
        maxWaitMs: 60_000,
      }),
    ).rejects.toBeInstanceOf(LineApiError);
    expect(r.now() - 1_000_000).toBeGreaterThanOrEqual(30_000);
    expect(r.now() - 1_000_000).toBeLessThanOrEqual(60_000);
  });

  it("does not wait on a refusal no retry can mend (400)", async () => {
    const r = rig();
    platform.failNext("/v2/bot/message/reply", 400, 1, {
      message: "A message (messages[0]) in the request body is invalid",
    });
    await expect(
      deliverPatiently(r.messenger, r.target(), answer, { sleep: r.sleep, now: r.now }),
    ).rejects.toBeInstanceOf(LineApiError);
    expect(r.waits).toEqual([]);
  });

  it("on a redo, takes a used reply token for an answer that already went out", async () => {
    const r = rig();
    const t = r.target();
    expect(await r.messenger.deliver(t, answer)).toBe("reply");
    const calls = platform.replies.length + platform.pushes.length;
    expect(await deliverPatiently(r.messenger, t, answer, { redo: true, sleep: r.sleep, now: r.now })).toBe("already");
    expect(platform.replies.length + platform.pushes.length).toBe(calls);
  });
});
