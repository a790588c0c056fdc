// The state several server processes must share to act as one: conversation sessions, handoff tickets, which webhook
// deliveries were already taken, and the per-user rate-limit buckets. With REDIS_URL set it lives in
// Redis (run as many replicas as you like behind a load balancer); without it, in this process's memory
// (one process only: a second one would answer duplicates and lose conversations).
import type { Env } from "../config/server-config.js";
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
import { resolve } from "node:path";
import { InMemoryHandoffStore } from "../dialogue/handoff/in-memory-handoff-store.js";
import type { HandoffStore } from "../dialogue/handoff/handoff.js";

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
  close(): Promise<void>;
}

export interface SharedStateOptions {
  /** Connection trouble, and every store call that fell back because Redis was unreachable (say it, throttled). */
  onRedisError?: (fields: { code: string; redis: string; op?: string }) => void;
}

export const DEFAULT_REDIS_KEY_PREFIX = "madoguchi:";

export async function createSharedState(env: Env, options: SharedStateOptions = {}): Promise<SharedState> {
  const url = env["REDIS_URL"]?.trim();
  if (!url) {
    return {
      kind: "memory", where: "memory",
      sessions: new InMemorySessionStore(), deliveries: new InMemoryDeliveryStore(), rateBuckets: new InMemoryRateBuckets(), handoffs: new InMemoryHandoffStore(),
      turnLog: once(() => localTurnLog(env)),
      close: async () => undefined,
    };
  }
  const keyPrefix = env["REDIS_KEY_PREFIX"]?.trim() || DEFAULT_REDIS_KEY_PREFIX;
  const where = describeRedisUrl(url);
  const redis = await connectRedis(url, { keyPrefix, onError: options.onRedisError });
  const onOutage = throttled((op: string, e: unknown) => options.onRedisError?.({ code: errorCode(e), redis: where, op }));
  return {
    kind: "redis", where,
    sessions: new RedisSessionStore(redis, { onOutage }), deliveries: new RedisDeliveryStore(redis, onOutage), rateBuckets: new RedisRateBuckets(redis, onOutage),
    handoffs: new RedisHandoffStore(redis),
    turnLog: async () => new RedisTurnLog(redis),
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** MADOGUCHI_STATE_DIR (default ./.madoguchi-state): where a server without Redis keeps the App Home's turns; "memory" keeps none. */
async function localTurnLog(env: Env): Promise<TurnLog> {
  const dir = env["MADOGUCHI_STATE_DIR"]?.trim() || ".madoguchi-state";
  return dir === "memory" ? new MemoryTurnLog() : FileTurnLog.open(resolve(dir));
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
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
