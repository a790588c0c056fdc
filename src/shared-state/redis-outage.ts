// What the Redis stores do while Redis is unreachable: degrade instead of failing the resident. A duplicate
// check that cannot be made lets the event through (answered at least once rather than never), a session
// that cannot be read starts afresh, one that cannot be written is dropped, a rate-limit bucket that cannot
// be read allows the message. While the connection is down the fallback is immediate (no waiting on the
// 2-second command timeout for every call); each degraded call is reported so operators see the outage.
import type { Redis } from "ioredis";

export type OutageReporter = (op: string, e: unknown) => void;

export async function orFallback<T>(
  redis: Redis,
  op: string,
  fallback: T,
  report: OutageReporter | undefined,
  run: () => Promise<T>,
): Promise<T> {
  if (redis.status !== "ready") {
    report?.(op, new Error(`redis ${redis.status}`));
    return fallback;
  }
  try {
    return await run();
  } catch (e) {
    report?.(op, e);
    return fallback;
  }
}
