// The Redis Stream queue against a real redis-server: events accepted by one replica are answered by
// whichever reads them, each once; entries left pending by a consumer that died are claimed by a live one
// after the idle time (and handed over as redo); entries a live consumer is still working on are not;
// while Redis is down the events go to the fallback queue, and are not lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { startRedis, type RedisProcess } from "../../bench/load/redis-process.js";
import { RedisStreamQueue } from "../../src/shared-state/redis-stream-queue.js";
import { MemoryEventQueue, type QueuedEvent } from "../../src/shared-state/event-queue.js";
import { EventJournal } from "../../src/shared-state/event-journal.js";
import { JournalEventQueue } from "../../src/shared-state/journal-queue.js";

let redis: RedisProcess;
const open: RedisStreamQueue[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  redis = await startRedis({ appendOnly: true });
});
afterAll(async () => {
  for (const q of open) await q.close().catch(() => undefined);
  await redis?.stop();
});

async function replica(
  prefix: string,
  options: { claimIdleMs?: number; fallback?: MemoryEventQueue | JournalEventQueue } = {},
): Promise<RedisStreamQueue> {
  const [w, r] = [
    new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1, commandTimeout: 2_000 }),
    new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 }),
  ];
  for (const c of [w, r]) c.on("error", () => undefined); // Redis restarts in one test
  await Promise.all([w.connect(), r.connect()]);
  const q = new RedisStreamQueue(w, r, prefix, {
    fallback: options.fallback ?? new MemoryEventQueue(),
    claimIdleMs: options.claimIdleMs ?? 1_000,
  });
  open.push(q);
  return q;
}

const ev = (id: string) => ({
  id,
  payload: { type: "message", webhookEventId: id, message: { type: "text", text: "ごみの出し方を教えて" } },
});

async function until(test: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test() && Date.now() < end) await sleep(50);
}

describe("RedisStreamQueue", () => {
  it("lets either replica answer what either accepted, each event once, and deletes it from the stream after", async () => {
    const [one, two] = [await replica("t1:"), await replica("t1:")];
    const seen: string[] = [];
    const handler = async (e: QueuedEvent) => {
      seen.push(e.id);
    };
    one.consume("line", handler);
    two.consume("line", handler);
    await one.accept(
      "line",
      Array.from({ length: 40 }, (_, i) => ev(`a${i}`)),
      Date.now(),
    );
    await two.accept(
      "line",
      Array.from({ length: 40 }, (_, i) => ev(`b${i}`)),
      Date.now(),
    );
    await until(() => seen.length >= 80);
    await sleep(300);
    expect(new Set(seen).size).toBe(80);
    expect(seen.length).toBe(80);
    const check = new Redis(redis.url);
    expect(await check.xlen("t1:events")).toBe(0); // the texts left Redis with the answers
    check.disconnect();
  });

  it("claims a dead consumer's pending entries after the idle time, as redo", async () => {
    const dead = await replica("t2:", { claimIdleMs: 1_000 });
    dead.consume("line", () => new Promise<void>(() => undefined)); // takes entries and never finishes them …
    await dead.accept("line", [ev("d1"), ev("d2")], Date.now());
    await until(() => dead.stats.working === 2);
    await dead.close(); // … and dies: its connections close, nobody refreshes its entries
    const survivor = await replica("t2:", { claimIdleMs: 1_000 });
    const redone: QueuedEvent[] = [];
    survivor.consume("line", async (e) => {
      redone.push(e);
    });
    await until(() => redone.length >= 2, 8_000);
    await sleep(1_500);
    expect(redone.map((e) => [e.id, e.redo]).sort()).toEqual([
      ["d1", true],
      ["d2", true],
    ]);
  });

  it("leaves a live but slow replica's entries alone (it refreshes them)", async () => {
    const slow = await replica("t4:", { claimIdleMs: 1_000 });
    let slowSeen = 0;
    slow.consume("line", async () => {
      slowSeen++;
      await sleep(4_000);
    });
    await slow.accept("line", [ev("s1")], Date.now());
    await until(() => slow.stats.working === 1);
    const other = await replica("t4:", { claimIdleMs: 1_000 });
    let otherSeen = 0;
    other.consume("line", async () => {
      otherSeen++;
    });
    await until(() => slow.stats.working === 0, 8_000);
    expect([slowSeen, otherSeen]).toEqual([1, 0]);
  });

  it("takes events into the fallback while Redis is down, and reads from the stream again when it is back", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stream-fallback-"));
    try {
      const { journal, unfinished } = await EventJournal.open(join(dir, "journal"));
      const q = await replica("t3:", { fallback: new JournalEventQueue(journal, unfinished) });
      const seen: string[] = [];
      q.consume("line", async (e) => {
        seen.push(e.id);
      });
      const restarting = redis.restart(1_500);
      await sleep(200);
      const started = Date.now();
      await q.accept("line", [ev("during")], Date.now());
      expect(Date.now() - started).toBeLessThan(1_500); // not waiting for Redis
      await restarting;
      await until(() => seen.includes("during"));
      await sleep(2_500); // reconnected
      await q.accept("line", [ev("after")], Date.now());
      await until(() => seen.includes("after"));
      expect(seen.sort()).toEqual(["after", "during"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
