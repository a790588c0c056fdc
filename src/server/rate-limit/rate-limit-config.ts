// Per-user rate limits, read once from the environment:
//   MADOGUCHI_RATE_LINE_BURST / MADOGUCHI_RATE_LINE_PER_MINUTE  (default 10 / 20): a LINE resident may send
//     10 messages at once, then one every 3 seconds; past that they get one 「少しお待ちください」 and the
//     rest of the overflow is not answered. LINE itself always gets 200.
//   MADOGUCHI_RATE_WEB_BURST / MADOGUCHI_RATE_WEB_PER_MINUTE    (default 120 / 600): per client address on
//     /api/*; past that 429 with Retry-After. Generous, because the page searches as staff type and a
//     city hall's counters usually share one address.
//   MADOGUCHI_TRUST_PROXY (default 0): how many reverse proxies / load balancers stand in front; the client
//     address is then read that many hops from the right of X-Forwarded-For.
//   MADOGUCHI_TURN_CONCURRENCY (default 1): conversation turns run at once (turn-scheduler.ts); more only
//     helps when turns wait on Redis, never when they wait on the CPU.
// A burst of 0 turns that limit off.
import { ConfigError, type Env } from "../../config/server-config.js";
import type { RateRule } from "../../shared-state/token-bucket.js";

export interface RateLimitConfig {
  /** undefined: no limit on LINE. */
  line: RateRule | undefined;
  /** undefined: no limit on the web API. */
  web: RateRule | undefined;
  trustProxyHops: number;
  turnConcurrency: number;
}

export const DEFAULT_LINE_RULE: RateRule = { burst: 10, perMinute: 20 };
export const DEFAULT_WEB_RULE: RateRule = { burst: 120, perMinute: 600 };

export function readRateLimitConfig(env: Env): RateLimitConfig {
  return {
    line: rule(env, "LINE", DEFAULT_LINE_RULE),
    web: rule(env, "WEB", DEFAULT_WEB_RULE),
    trustProxyHops: whole(env, "MADOGUCHI_TRUST_PROXY", 0, 0, 10),
    turnConcurrency: whole(env, "MADOGUCHI_TURN_CONCURRENCY", 1, 1, 64),
  };
}

function rule(env: Env, channel: string, fallback: RateRule): RateRule | undefined {
  const burst = whole(env, `MADOGUCHI_RATE_${channel}_BURST`, fallback.burst, 0, 100_000);
  const perMinute = whole(env, `MADOGUCHI_RATE_${channel}_PER_MINUTE`, fallback.perMinute, 1, 1_000_000);
  return burst === 0 ? undefined : { burst, perMinute };
}

function whole(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}`);
  return n;
}
