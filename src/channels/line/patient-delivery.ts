// An answer that waits out a LINE API outage. The client already retries a call a few times within seconds;
// when LINE keeps answering 5xx or 429, or refuses connections, this goes on trying with exponential back-off
// (full jitter, so a backlog does not come back in step; LINE's Retry-After when it sends one) for up to
// `maxWaitMs`, then gives up on the event (it is logged and counted as failed). While it waits, the reply
// token goes stale and the messenger switches to a push with the event's retry key: one answer however
// often it is attempted.
import type { messagingApi } from "@line/bot-sdk";
import { LineApiError } from "./line-api-client.js";
import type { DeliveryTarget, LineMessenger } from "./line-messenger.js";
import { isRetryable, retryDelayMs, type RetryPolicy } from "./retry-policy.js";
import { SILENT_LOG, type LineLog } from "./line-log.js";

export interface PatienceOptions {
  /** How long one answer may wait for LINE to come back (default 10 minutes). */
  maxWaitMs?: number;
  /** Back-off between rounds (default 1 s doubling to 30 s). */
  backoff?: RetryPolicy;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export const DEFAULT_PATIENCE_MS = 10 * 60 * 1000;
const DEFAULT_BACKOFF: RetryPolicy = { maxAttempts: Infinity, baseDelayMs: 1_000, maxDelayMs: 30_000 };

export async function deliverPatiently(
  messenger: LineMessenger,
  target: DeliveryTarget,
  messages: messagingApi.Message[],
  options: PatienceOptions & { redo?: boolean; log?: LineLog } = {},
): Promise<"reply" | "push" | "already"> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const deadline = now() + (options.maxWaitMs ?? DEFAULT_PATIENCE_MS);
  const log = options.log ?? SILENT_LOG;
  for (let round = 1; ; round++) {
    try {
      return await messenger.deliver(target, messages, { redo: options.redo });
    } catch (e) {
      if (!(e instanceof LineApiError) || !isRetryable(e.status, e.body)) throw e;
      const delay = retryDelayMs(backoff, round, e.retryAfter, options.random ?? Math.random);
      if (now() + delay > deadline) throw e;
      log.warn(
        { status: e.status ?? null, round, delayMs: delay, retrySeed: target.retrySeed ?? null },
        "line api unavailable; the answer waits",
      );
      await sleep(delay);
    }
  }
}

/** MADOGUCHI_LINE_PATIENCE_MS: how long an answer waits for an unavailable LINE API (default 10 minutes). */
export function patienceFromEnv(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env["MADOGUCHI_LINE_PATIENCE_MS"]?.trim();
  if (!raw) return DEFAULT_PATIENCE_MS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 20 * 60 * 1000)
    throw new Error(
      "MADOGUCHI_LINE_PATIENCE_MS: must be a whole number of milliseconds from 0 to 1200000 (20 minutes)",
    );
  return n;
}
