// The state several server processes must share to act as one: conversation sessions, handoff tickets, which webhook
// deliveries were already taken, and the per-user rate-limit buckets. With REDIS_URL set it lives in
// Redis (run as many replicas as you like behind a load balancer); without it, in this process's memory
// (one process only: a second one would answer duplicates and lose conversations).
import { ConfigError, type Env } from "../config/server-config.js";
import type { SessionStore } from "../dialogue/session/session-store.js";
import { InMemorySessionStore } from "../dialogue/session/in-memory-session-store.js";
import { InMemoryRateBuckets, type RateBuckets } from "./rate-buckets.js";
import { InMemoryDeliveryStore, type DeliveryStore } from "./delivery-store.js";
import { connectRedis, describeRedisUrl } from "./redis-connection.js";
import { RedisSessionStore } from "./redis-session-store.js";
import { RedisDeliveryStore } from "./redis-delivery-store.js";
import { RedisRateBuckets } from "./redis-rate-buckets.js";
import { RedisHandoffStore } from "./redis-handoff-store.js";
import { RedisTurnLog } from "./redis-turn-log.js";
import { FileTurnLog } from "./file-turn-log.js";
import { MemoryTurnLog, type TurnLog } from "../dialogue/engine/turn-log.js";
import { join, resolve } from "node:path";
import { InMemoryHandoffStore } from "../dialogue/handoff/in-memory-handoff-store.js";
import type { HandoffStore } from "../dialogue/handoff/handoff.js";
import { MemoryEventQueue, type EventQueue } from "./event-queue.js";
import { openLocalQueue } from "./local-queue.js";
import { RedisStreamQueue } from "./redis-stream-queue.js";
import { MemoryAnswerGuard, type AnswerGuard } from "./answer-guard.js";
import { RedisAnswerGuard } from "./redis-answer-guard.js";

export interface SharedState {
  kind: "memory" | "redis";
  /** Where the state lives, for the banner and logs: "memory", or the Redis URL without its password. */
  where: string;
  sessions: SessionStore;
  /** LINE's DedupeStore and Slack's EventDedupe. */
  deliveries: DeliveryStore;
  rateBuckets: RateBuckets;
  /** Handoff tickets: a resident's handoff works whichever replica their message or the staff reply reaches. */
  handoffs: HandoffStore;
  /** The App Home's turns (opened on first use: only a server with Slack needs them): Redis, or a file of MADOGUCHI_STATE_DIR. */
  turnLog(): Promise<TurnLog>;
  /** Accepted webhook events until answered: the local journal (MADOGUCHI_JOURNAL_DIR), the Redis Stream, or memory. */
  queue: EventQueue;
  /** Which copy of a queued event answers it (Redis with REDIS_URL: across replicas); see answer-guard.ts. */
  answers: AnswerGuard;
  /** Where the queue lives, for the banner: "memory", "journal <dir>", "redis stream (…)". */
  queueWhere: string;
  close(): Promise<void>;
}

export interface SharedStateOptions {
  /** Connection trouble, and every store call that fell back because Redis was unreachable (say it, throttled). */
  onRedisError?: (fields: { code: string; redis: string; op?: string }) => void;
  /** The journal refused a write (disk full): the events were answered from memory. */
  onJournalTrouble?: (fields: { code: string; events: number }) => void;
}

export const DEFAULT_REDIS_KEY_PREFIX = "madoguchi:";

export async function createSharedState(env: Env, options: SharedStateOptions = {}): Promise<SharedState> {
  const url = env["REDIS_URL"]?.trim();
  const local = await openLocalQueue(env, options.onJournalTrouble);
  if (!url) {
    return {
      kind: "memory",
      where: "memory",
      sessions: new InMemorySessionStore(),
      deliveries: new InMemoryDeliveryStore(),
      rateBuckets: new InMemoryRateBuckets(),
      handoffs: new InMemoryHandoffStore(),
      turnLog: once(() => localTurnLog(env)),
      queue: local?.queue ?? new MemoryEventQueue(),
      answers: new MemoryAnswerGuard(),
      queueWhere: local ? `journal ${local.dir}` : "memory",
      close: async () => {
        await local?.queue.close();
      },
    };
  }
  const keyPrefix = env["REDIS_KEY_PREFIX"]?.trim() || DEFAULT_REDIS_KEY_PREFIX;
  const where = describeRedisUrl(url);
  const redis = await connectRedis(url, { keyPrefix, onError: options.onRedisError }).catch(async (e: unknown) => {
    await local?.queue.close();
    throw e;
  });
  const onOutage = throttled((op: string, e: unknown) =>
    options.onRedisError?.({ code: errorCode(e), redis: where, op }),
  );
  // The stream's own connections (one of them blocks in XREADGROUP), without ioredis' keyPrefix: see RedisStreamQueue.
  const [writer, reader] = [redis.duplicate({ keyPrefix: "" }), redis.duplicate({ keyPrefix: "" })];
  for (const c of [writer, reader]) c.on("error", (e: unknown) => onOutage("stream.connection", e)); // the main connection reports it too
  await Promise.all([writer.connect(), reader.connect()]);
  const claimIdleMs = positive(env["MADOGUCHI_CLAIM_IDLE_MS"], "MADOGUCHI_CLAIM_IDLE_MS", 15_000);
  const queue = new RedisStreamQueue(writer, reader, keyPrefix, {
    fallback: local?.queue ?? new MemoryEventQueue(),
    claimIdleMs,
    onTrouble: onOutage,
  });
  const answers = new RedisAnswerGuard(redis, { holder: queue.consumer, aliveMs: claimIdleMs, onTrouble: onOutage });
  return {
    kind: "redis",
    where,
    sessions: new RedisSessionStore(redis, { onOutage }),
    deliveries: new RedisDeliveryStore(redis, onOutage),
    rateBuckets: new RedisRateBuckets(redis, onOutage),
    handoffs: new RedisHandoffStore(redis, onOutage),
    turnLog: async () => new RedisTurnLog(redis),
    queue,
    answers,
    queueWhere: `redis stream (fallback: ${local ? `journal ${local.dir}` : "memory"})`,
    async close() {
      await queue.close();
      await answers.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** MADOGUCHI_STATE_DIR (default ./.madoguchi/state): where a server without Redis keeps the App Home's turns; "memory" keeps none. */
async function localTurnLog(env: Env): Promise<TurnLog> {
  const dir = env["MADOGUCHI_STATE_DIR"]?.trim() || join(".madoguchi", "state");
  return dir === "memory" ? new MemoryTurnLog() : FileTurnLog.open(resolve(dir));
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

function positive(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 100)
    throw new ConfigError(name, "must be a whole number of milliseconds, at least 100");
  return n;
}

/** Reports at most one call every 10 s, so an outage is one log line now and then, not one per message. */
function throttled(report: (op: string, e: unknown) => void): (op: string, e: unknown) => void {
  let last = 0;
  return (op, e) => {
    const now = Date.now();
    if (now - last < 10_000) return;
    last = now;
    report(op, e);
  };
}

function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === "string") return code;
  return e instanceof Error ? e.message.slice(0, 80) : "unknown";
}
