// When and how long to wait before retrying an outbound LINE call. Bounded attempts, exponential backoff with
// full jitter (so many failed calls do not come back in step), and LINE's Retry-After when it sends one.

export interface RetryPolicy {
  /** Total tries including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 4_000 };

/** Worth another try: throttled (unless the monthly quota is spent), a server error, or no answer at all. */
export function isRetryable(status: number | undefined, body: unknown): boolean {
  if (status === undefined) return true;
  if (status === 429) return !isQuotaExhausted(body);
  return status >= 500 && status <= 599;
}

/** LINE answers 429 with this message when the month's message quota is used up: retrying cannot help. */
export function isQuotaExhausted(body: unknown): boolean {
  const message = (body as { message?: unknown } | null)?.message;
  return typeof message === "string" && /monthly limit/i.test(message);
}

/** Delay before attempt number `attempt + 1` (attempt counts from 1). */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfterHeader: string | null,
  random: () => number,
): number {
  const retryAfterSeconds = retryAfterHeader === null ? NaN : Number(retryAfterHeader);
  if (Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0)
    return Math.min(retryAfterSeconds * 1000, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}
