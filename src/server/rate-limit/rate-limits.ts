// The server's per-user rate limits, assembled once from the environment and the shared buckets:
// `lineAdmission` for the LINE channel (answer / one notice / drop, never a non-2xx to LINE) and
// `webAdmission` for the JSON API (429 with Retry-After). Refusals are counted in
// madoguchi_rate_limited_total{channel, outcome}. `turns` schedules conversation turns so that webhook
// acknowledgements never wait behind them (madoguchi_turns_waiting is its backlog).
import type { Env } from "../../config/server-config.js";
import type { RouteRequest } from "../../channels/http/route.js";
import type { Admission } from "../../channels/channel-context.js";
import type { ServerMetrics } from "../metrics/server-metrics.js";
import type { RateBuckets } from "../../shared-state/rate-buckets.js";
import { readRateLimitConfig, type RateLimitConfig } from "./rate-limit-config.js";
import { lineAdmission } from "./line-admission.js";
import { webAdmission } from "./web-rate-limit.js";
import { TurnScheduler } from "../scheduling/turn-scheduler.js";

export interface RateLimits {
  config: RateLimitConfig;
  /** Whether to answer one LINE message of `user` on `channel` ("line", "line/<name>"). */
  lineAdmission(channel: string, user: string): Promise<Admission>;
  /** One JSON API request: throws TooManyRequests (429) past the client's limit. */
  webAdmission(req: RouteRequest): Promise<void>;
  turns: TurnScheduler;
}

export function createRateLimits(env: Env, buckets: RateBuckets, metrics: ServerMetrics): RateLimits {
  const config = readRateLimitConfig(env);
  const limited = metrics.rateLimited;
  return {
    config,
    turns: new TurnScheduler(config.turnConcurrency, (n) => metrics.turnsWaiting.set(n)),
    lineAdmission: lineAdmission({
      buckets,
      rule: config.line,
      onLimited: (channel, outcome) => limited.inc({ channel, outcome }),
    }),
    webAdmission: webAdmission({
      buckets,
      rule: config.web,
      trustProxyHops: config.trustProxyHops,
      onLimited: () => limited.inc({ channel: "web", outcome: "429" }),
    }),
  };
}
