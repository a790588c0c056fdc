// The token bucket behind every per-user rate limit, as pure arithmetic so the in-memory store and the
// Redis script (src/shared-state/redis-rate-buckets.ts, the same steps in Lua) cannot disagree.
// A user may send `burst` requests at once; the bucket then refills at `perMinute` tokens a minute.
// `noticed` remembers that the user has already been told to wait during this overflow, so a LINE
// resident gets one 「少しお待ちください」 per overflow, not one per message.

export interface RateRule {
  /** Requests allowed at once (the bucket's size). */
  burst: number;
  /** Tokens added per minute once the burst is spent. */
  perMinute: number;
}

export interface BucketState {
  tokens: number;
  /** Milliseconds since the epoch when `tokens` was computed. */
  at: number;
  noticed: boolean;
}

export interface TakeResult {
  allowed: boolean;
  /** When refused: how long until one token is back (ms); 0 when allowed. */
  retryAfterMs: number;
  /** Refused, and the first refusal since the user was last allowed: tell them to wait (once). */
  firstRefusal: boolean;
}

export function refillPerMs(rule: RateRule): number {
  return rule.perMinute / 60_000;
}

/** How long an untouched bucket takes to be full again: after that it equals a new one and can be forgotten. */
export function idleForgetMs(rule: RateRule): number {
  return Math.ceil(rule.burst / refillPerMs(rule)) + 1_000;
}

export function takeToken(
  state: BucketState | undefined,
  rule: RateRule,
  now: number,
): { state: BucketState; result: TakeResult } {
  const rate = refillPerMs(rule);
  const before = state ?? { tokens: rule.burst, at: now, noticed: false };
  const tokens = Math.min(rule.burst, before.tokens + Math.max(0, now - before.at) * rate);
  if (tokens >= 1) {
    return {
      state: { tokens: tokens - 1, at: now, noticed: false },
      result: { allowed: true, retryAfterMs: 0, firstRefusal: false },
    };
  }
  const retryAfterMs = Math.ceil((1 - tokens) / rate);
  return {
    state: { tokens, at: now, noticed: true },
    result: { allowed: false, retryAfterMs, firstRefusal: !before.noticed },
  };
}

export function validRule(rule: RateRule): boolean {
  return Number.isFinite(rule.burst) && rule.burst >= 1 && Number.isFinite(rule.perMinute) && rule.perMinute > 0;
}
