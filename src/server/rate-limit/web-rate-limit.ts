// Per-client rate limit on the JSON API: past the burst a request gets 429 with Retry-After (seconds) and
// the route's handler does not run. The web channel asks before each /api/* request (the page's files
// stay free).
import type { RouteRequest } from "../../channels/http/route.js";
import { TooManyRequests } from "../../channels/http/http-error.js";
import type { RateBuckets } from "../../shared-state/rate-buckets.js";
import type { RateRule } from "../../shared-state/token-bucket.js";

export interface WebRateLimitOptions {
  buckets: RateBuckets;
  /** undefined: no limit (the registrar is returned as it is). */
  rule: RateRule | undefined;
  /** How many proxies in front of the server append to X-Forwarded-For (MADOGUCHI_TRUST_PROXY). */
  trustProxyHops: number;
  onLimited?: (route: string) => void;
}

/** Takes one token for the request's client; throws TooManyRequests (429) when there is none. */
export function webAdmission(o: WebRateLimitOptions): (req: RouteRequest) => Promise<void> {
  const rule = o.rule;
  if (!rule) return async () => undefined;
  return async (req) => {
    const r = await o.buckets.take(`rate:web:${clientAddress(req, o.trustProxyHops)}`, rule);
    if (r.allowed) return;
    o.onLimited?.(req.route);
    req.logFields["rateLimited"] = true;
    throw new TooManyRequests(r.retryAfterMs / 1000);
  };
}

/**
 * The client's address: the socket's peer, or — behind `hops` trusted proxies — the address the outermost
 * of them saw, which is `hops` entries from the right of X-Forwarded-For (entries further left are
 * whatever the client claimed, and cannot be trusted).
 */
export function clientAddress(req: Pick<RouteRequest, "headers"> & { remoteAddress?: string }, hops: number): string {
  const peer = req.remoteAddress ?? "unknown";
  if (hops <= 0) return peer;
  const header = req.headers["x-forwarded-for"];
  const list = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (list.length === 0) return peer;
  return list[Math.max(0, list.length - hops)]!;
}
