// The Redis implementations against a real redis-server: duplicate deliveries claimed once (also when two
// connections race), sessions shared between connections and forgotten when idle, rate-limit buckets
// that behave exactly like the in-memory ones and are shared too, and a clear refusal when Redis is absent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedis, type RedisProcess } from "../../bench/load/redis-process.js";
import { createSharedState, type SharedState } from "../../src/shared-state/shared-state.js";
import { connectRedis } from "../../src/shared-state/redis-connection.js";
import { RedisSessionStore } from "../../src/shared-state/redis-session-store.js";
import { InMemoryRateBuckets } from "../../src/shared-state/rate-buckets.js";
import { newSession } from "../../src/dialogue/session/session.js";
import { freePort } from "../../bench/load/free-port.js";
import type { RateRule } from "../../src/shared-state/token-bucket.js";

let redis: RedisProcess;
let a: SharedState;
let b: SharedState;

beforeAll(async () => {
  redis = await startRedis();
  a = await createSharedState({ REDIS_URL: redis.url });
  b = await createSharedState({ REDIS_URL: redis.url });
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await redis?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("RedisDeliveryStore (SET NX PX)", () => {
  it("lets the first claim of an id win and refuses the repeat", async () => {
    expect(a.kind).toBe("redis");
    expect(await a.deliveries.claim("line:evt-1", 60_000)).toBe(true);
    expect(await a.deliveries.claim("line:evt-1", 60_000)).toBe(false);
    expect(await b.deliveries.claim("line:evt-1", 60_000)).toBe(false);
  });

  it("gives exactly one of twenty concurrent claims from two connections", async () => {
    const claims = Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).deliveries.claim("slack:Ev-race", 60_000));
    const won = (await Promise.all(claims)).filter(Boolean);
    expect(won).toHaveLength(1);
  });

  it("forgets an id after its ttl", async () => {
    expect(await a.deliveries.claim("line:short", 50)).toBe(true);
    await sleep(120);
    expect(await b.deliveries.claim("line:short", 50)).toBe(true);
  });
});

describe("RedisSessionStore", () => {
  it("hands a session written through one connection to the other, and deletes it for both", async () => {
    const session = { ...newSession(), focus: "imari-shussan-iwaikin", list: ["a", "b"], lastQuery: "出産のお祝い" };
    await a.sessions.set("line:U123", session);
    expect(await b.sessions.get("line:U123")).toEqual(session);
    await b.sessions.delete("line:U123");
    expect(await a.sessions.get("line:U123")).toBeUndefined();
  });

  it("forgets a session left idle, and restarts the idle time on every set", async () => {
    const conn = await connectRedis(redis.url, { keyPrefix: "idle-test:" });
    try {
      const store = new RedisSessionStore(conn, { idleMs: 300 });
      await store.set("web:s1", newSession());
      await sleep(200);
      await store.set("web:s1", { ...newSession(), focus: "x" });
      await sleep(200);
      expect((await store.get("web:s1"))?.focus).toBe("x");
      await sleep(250);
      expect(await store.get("web:s1")).toBeUndefined();
    } finally {
      conn.disconnect();
    }
  });

  it("starts afresh when what is stored is not a session", async () => {
    const conn = await connectRedis(redis.url, { keyPrefix: "madoguchi:" });
    try {
      await conn.set("session:line:Ubroken", "{not json");
      expect(await a.sessions.get("line:Ubroken")).toBeUndefined();
    } finally {
      conn.disconnect();
    }
  });

  it("keeps deployments with different REDIS_KEY_PREFIX apart", async () => {
    const other = await createSharedState({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: "other-city:" });
    try {
      await a.sessions.set("line:Ushared", { ...newSession(), focus: "mine" });
      expect(await other.sessions.get("line:Ushared")).toBeUndefined();
      expect(await other.deliveries.claim("line:evt-1", 60_000)).toBe(true);
    } finally {
      await other.close();
    }
  });
});

describe("RedisRateBuckets", () => {
  const rule: RateRule = { burst: 3, perMinute: 60 };

  it("decides like the in-memory buckets: burst, one first refusal, then silence", async () => {
    const memory = new InMemoryRateBuckets();
    const viaRedis: unknown[] = [];
    const inMemory: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await a.rateBuckets.take("rate:test:parity", rule);
      const m = await memory.take("rate:test:parity", rule);
      viaRedis.push([r.allowed, r.firstRefusal]);
      inMemory.push([m.allowed, m.firstRefusal]);
    }
    expect(viaRedis).toEqual([
      [true, false],
      [true, false],
      [true, false],
      [false, true],
      [false, false],
      [false, false],
    ]);
    expect(viaRedis).toEqual(inMemory);
  });

  it("shares one bucket between connections and refills it with time", async () => {
    for (let i = 0; i < 3; i++)
      expect((await (i % 2 ? a : b).rateBuckets.take("rate:test:shared", rule)).allowed).toBe(true);
    const refused = await b.rateBuckets.take("rate:test:shared", rule);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThan(500);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(1_000);
    await sleep(refused.retryAfterMs + 50);
    expect((await a.rateBuckets.take("rate:test:shared", rule)).allowed).toBe(true);
  });

  it("loads its script again after Redis forgot it", async () => {
    const conn = await connectRedis(redis.url, { keyPrefix: "madoguchi:" });
    try {
      await a.rateBuckets.take("rate:test:flush", rule);
      await conn.script("FLUSH");
      expect((await a.rateBuckets.take("rate:test:flush", rule)).allowed).toBe(true);
    } finally {
      conn.disconnect();
    }
  });
});

describe("a Redis outage after start-up", () => {
  it("degrades at once instead of failing residents, reports it, and recovers when Redis is back", async () => {
    const own = await startRedis();
    const reports: { code: string; op?: string }[] = [];
    const state = await createSharedState({ REDIS_URL: own.url }, { onRedisError: (f) => reports.push(f) });
    try {
      await state.sessions.set("line:Uout", { ...newSession(), focus: "x" });
      await own.stop();
      await sleep(200);
      const started = performance.now();
      expect(await state.deliveries.claim("line:evt-outage", 60_000)).toBe(true);
      expect(await state.deliveries.claim("line:evt-outage", 60_000)).toBe(true); // at least once, never lost
      expect(await state.sessions.get("line:Uout")).toBeUndefined();
      await state.sessions.set("line:Uout", newSession());
      expect((await state.rateBuckets.take("rate:line:Uout", { burst: 1, perMinute: 1 })).allowed).toBe(true);
      expect(performance.now() - started).toBeLessThan(500);
      expect(reports.some((r) => r.op !== undefined)).toBe(true);
      const again = await startRedis({ port: own.port });
      try {
        const deadline = Date.now() + 10_000;
        while (
          !(await state.deliveries
            .claim(`line:back-${Date.now()}`, 60_000)
            .then(() => state.sessions.set("line:Uback", newSession()))
            .then(() => state.sessions.get("line:Uback")))
        ) {
          if (Date.now() > deadline) throw new Error("did not reconnect");
          await sleep(200);
        }
        expect(await state.deliveries.claim("line:after", 60_000)).toBe(true);
        expect(await state.deliveries.claim("line:after", 60_000)).toBe(false);
      } finally {
        await again.stop();
      }
    } finally {
      await state.close();
    }
  });
});

describe("REDIS_URL that cannot be used", () => {
  it("refuses to start, names REDIS_URL and the address, never the password", async () => {
    const port = await freePort();
    const failure = createSharedState({ REDIS_URL: `redis://:hunter2-secret@127.0.0.1:${port}/0` });
    await expect(failure).rejects.toThrow(/REDIS_URL: cannot use Redis at redis:\/\/127\.0\.0\.1:\d+\/0/);
    await expect(failure).rejects.not.toThrow(/hunter2/);
  });

  it("refuses a URL that is not redis://", async () => {
    await expect(createSharedState({ REDIS_URL: "http://127.0.0.1:6379" })).rejects.toThrow(
      /REDIS_URL: must start with redis:\/\//,
    );
  });

  it("keeps state in memory when REDIS_URL is not set", async () => {
    const memory = await createSharedState({});
    expect(memory.kind).toBe("memory");
    expect(await memory.deliveries.claim("x", 1000)).toBe(true);
    expect(await memory.deliveries.claim("x", 1000)).toBe(false);
  });
});
