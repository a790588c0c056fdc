// Per-client rate limit on the JSON API: past the burst a request gets 429 with Retry-After (seconds) and
// the route's handler does not run. Wraps the route registrar the web channel is given, so the limit
// applies to the routes it chooses (/api/*) and the page's files stay free.
import type { RouteRegistrar } from "../../channels/http/route-registrar.js";
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
  /** Which route patterns are limited (default: everything under /api/). */
  applies?: (pattern: string) => boolean;
  onLimited?: (route: string) => void;
}

export function rateLimitedRoutes(routes: RouteRegistrar, o: WebRateLimitOptions): RouteRegistrar {
  const rule = o.rule;
  if (!rule) return routes;
  const applies = o.applies ?? ((pattern) => pattern.startsWith("/api/"));
  return {
    add(method, pattern, handler, options) {
      if (!applies(pattern)) return routes.add(method, pattern, handler, options);
      routes.add(method, pattern, async (req) => {
        const r = await o.buckets.take(`rate:web:${clientAddress(req, o.trustProxyHops)}`, rule);
        if (!r.allowed) {
          o.onLimited?.(pattern);
          req.logFields["rateLimited"] = true;
          throw new TooManyRequests(r.retryAfterMs / 1000);
        }
        return handler(req);
      }, options);
    },
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
  const list = (Array.isArray(header) ? header.join(",") : header ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (list.length === 0) return peer;
  return list[Math.max(0, list.length - hops)]!;
}
