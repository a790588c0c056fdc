// Opens the Redis connection named by REDIS_URL (redis:// or rediss://, optionally with a password and a
// database number) and proves it works before the server starts: a server that cannot reach its shared
// state refuses to start rather than answering twice or forgetting conversations.
// Commands have a timeout, so an unreachable Redis fails a turn quickly instead of stalling every one.
import { Redis } from "ioredis";
import { ConfigError } from "../config/server-config.js";

export interface RedisConnectionOptions {
  /** Put before every key (REDIS_KEY_PREFIX, default "madoguchi:"), so several deployments can share one Redis. */
  keyPrefix: string;
  connectTimeoutMs?: number;
  commandTimeoutMs?: number;
  /** Connection trouble after start-up (the message says nothing secret: code and address only). */
  onError?: (fields: { code: string; redis: string }) => void;
}

/** The URL without user name or password, for logs and the start-up banner. */
export function describeRedisUrl(url: string): string {
  const u = parseRedisUrl(url);
  return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname && u.pathname !== "/" ? u.pathname : ""}`;
}

function parseRedisUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ConfigError("REDIS_URL", "must be a URL like redis://127.0.0.1:6379/0 (or rediss:// for TLS)");
  }
  if (u.protocol !== "redis:" && u.protocol !== "rediss:")
    throw new ConfigError("REDIS_URL", "must start with redis:// or rediss://");
  return u;
}

export async function connectRedis(url: string, options: RedisConnectionOptions): Promise<Redis> {
  const where = describeRedisUrl(url);
  const redis = new Redis(url, {
    keyPrefix: options.keyPrefix,
    lazyConnect: true,
    connectTimeout: options.connectTimeoutMs ?? 5_000,
    commandTimeout: options.commandTimeoutMs ?? 2_000,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  let lastReport = 0;
  redis.on("error", (e: Error & { code?: string }) => {
    // ioredis emits one error per failed reconnect: report at most one every 10 s.
    const now = Date.now();
    if (now - lastReport < 10_000) return;
    lastReport = now;
    options.onError?.({ code: e.code ?? e.name, redis: where });
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (e) {
    redis.disconnect();
    const code = (e as { code?: string }).code ?? (e as Error).message;
    throw new ConfigError(
      "REDIS_URL",
      `cannot use Redis at ${where} (${code}); start Redis, fix REDIS_URL, or unset it to keep state in this process`,
    );
  }
  return redis;
}
