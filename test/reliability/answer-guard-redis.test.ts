// The answer guard against a real redis-server (appendonly yes): of two copies of one event, one answers
// and the other waits for it and is told "done"; a copy whose holder died (its heartbeat gone) takes over,
// told the holder may have answered; a holder's claim outlives a Redis restart; while Redis is away a copy
// that may have a twin waits for it, and one that is certainly alone answers at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { startRedis, type RedisProcess } from "../../bench/load/redis-process.js";
import { RedisAnswerGuard } from "../../src/shared-state/redis-answer-guard.js";

let redis: RedisProcess;
const opened: { guard: RedisAnswerGuard; conn: Redis }[] = [];

beforeAll(async () => {
  redis = await startRedis({ appendOnly: true });
});
afterAll(async () => {
  for (const o of opened) {
    await o.guard.close().catch(() => undefined);
    o.conn.disconnect();
  }
  await redis?.stop();
});

async function replica(holder: string, options: { aliveMs?: number; outageWaitMs?: number } = {}) {
  const conn = new Redis(redis.url, {
    keyPrefix: "g:",
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    commandTimeout: 1_000,
    retryStrategy: () => 100,
  });
  conn.on("error", () => undefined); // Redis restarts in one test
  await conn.connect();
  const guard = new RedisAnswerGuard(conn, { holder, aliveMs: options.aliveMs ?? 600, ...options });
  opened.push({ guard, conn });
  return { guard, conn };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("RedisAnswerGuard", () => {
  it("lets one of two copies answer; the other waits until it is done and is told so", async () => {
    const [a, b] = [await replica("a1"), await replica("b1")];
    const first = await a.guard.acquire("line:e1");
    expect(first).toMatchObject({ verdict: "answer", unsure: false });
    let second: string | undefined;
    const waiting = b.guard.acquire("line:e1").then((t) => {
      second = t.verdict;
    });
    await sleep(1_500); // longer than the heartbeat: the live holder is not taken over
    expect(second).toBeUndefined();
    if (first.verdict === "answer") first.finish();
    await waiting;
    expect(second).toBe("done");
    expect((await a.guard.acquire("line:e1")).verdict).toBe("done");
  });

  it("gives a copy in the same process the holder's outcome without asking again", async () => {
    const { guard } = await replica("a2");
    const first = await guard.acquire("line:e2");
    const twin = guard.acquire("line:e2");
    if (first.verdict === "answer") first.finish();
    expect((await twin).verdict).toBe("done");
  });

  it("takes an event whose key already names this process when nothing here finished it (a reply lost in a reconnect)", async () => {
    const { guard, conn } = await replica("a6");
    await conn.set("answer:line:e6", "a6", "PX", 60_000); // the script ran, its reply never came back
    expect(await guard.acquire("line:e6")).toMatchObject({ verdict: "answer", unsure: false });
    const again = await replica("a7");
    const first = await again.guard.acquire("line:e7");
    if (first.verdict === "answer") first.finish();
    await again.conn.set("answer:line:e7", "a7", "PX", 60_000); // as if the done marker had not landed yet
    expect((await again.guard.acquire("line:e7")).verdict).toBe("done");
  });

  it("hands the event to another copy once the holder's heartbeat has gone, marked unsure", async () => {
    const dead = await replica("dead3", { aliveMs: 500 });
    const turn = await dead.guard.acquire("line:e3");
    expect(turn.verdict).toBe("answer");
    await dead.guard.close(); // the process dies holding it: no heartbeat any more, no done marker
    const survivor = await replica("live3", { aliveMs: 500 });
    await sleep(600); // the survivor has seen Redis up for a whole heartbeat period
    const taken = await survivor.guard.acquire("line:e3");
    expect(taken).toMatchObject({ verdict: "answer", unsure: true });
  });

  it("keeps a holder's claim across a Redis restart, and waits for Redis when a twin may exist", async () => {
    const [a, b] = [await replica("a4", { aliveMs: 600 }), await replica("b4", { aliveMs: 600 })];
    const held = await a.guard.acquire("line:e4");
    expect(held.verdict).toBe("answer");
    const restarting = redis.restart(1_500);
    await sleep(300);
    expect(b.conn.status).not.toBe("ready");
    let twin: string | undefined;
    const waiting = b.guard.acquire("line:e4").then((t) => {
      twin = t.verdict;
    });
    // Certainly alone (nothing reached Redis for it): answered at once, outage or not.
    expect((await b.guard.acquire("line:e4-alone", { alone: true })).verdict).toBe("answer");
    await restarting;
    await sleep(1_500); // Redis back for longer than a heartbeat: a's claim and heartbeat are still there
    expect(twin).toBeUndefined();
    if (held.verdict === "answer") held.finish();
    await waiting;
    expect(twin).toBe("done");
  });

  it("answers unsure when Redis stays away longer than a copy may wait", async () => {
    const { guard, conn } = await replica("a5", { outageWaitMs: 300 });
    conn.disconnect();
    const turn = await guard.acquire("line:e5");
    expect(turn).toMatchObject({ verdict: "answer", unsure: true });
  });
});
