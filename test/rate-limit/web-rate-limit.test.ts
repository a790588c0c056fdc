// 429 with Retry-After on the JSON API past the burst, per client address; the page's files are never limited.
import { describe, expect, it } from "vitest";
import { RouteTable } from "../../src/server/http/route-table.js";
import { jsonResponse, type RouteRequest } from "../../src/channels/http/route.js";
import { HttpError } from "../../src/channels/http/http-error.js";
import { errorResponse } from "../../src/server/http/respond.js";
import { InMemoryRateBuckets } from "../../src/shared-state/rate-buckets.js";
import { clientAddress, rateLimitedRoutes } from "../../src/server/rate-limit/web-rate-limit.js";

function request(pattern: string, remoteAddress: string, headers: Record<string, string> = {}): RouteRequest & { remoteAddress: string } {
  return { method: "GET", path: pattern, query: new URLSearchParams(), params: {}, headers, body: Buffer.alloc(0), id: "t", route: pattern, logFields: {}, remoteAddress };
}

async function call(routes: RouteTable, pattern: string, req: RouteRequest) {
  const match = routes.match("GET", pattern);
  if (match.kind !== "found") throw new Error("no route");
  try {
    return await match.route.handler(req);
  } catch (e) {
    if (e instanceof HttpError) return errorResponse(e);
    throw e;
  }
}

describe("rateLimitedRoutes", () => {
  const setup = () => {
    const table = new RouteTable();
    const limited: string[] = [];
    const routes = rateLimitedRoutes(table, { buckets: new InMemoryRateBuckets(() => 0), rule: { burst: 2, perMinute: 6 }, trustProxyHops: 0, onLimited: (r) => limited.push(r) });
    routes.add("GET", "/api/search", () => jsonResponse(200, { ok: true }));
    routes.add("GET", "/static/*file", () => jsonResponse(200, { file: true }));
    return { table, limited };
  };

  it("answers the burst, then 429 with Retry-After in whole seconds, per client", async () => {
    const { table, limited } = setup();
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(table, "/api/search", request("/api/search", "10.0.0.1"))).status);
    expect(statuses).toEqual([200, 200, 429]);
    const refused = await call(table, "/api/search", request("/api/search", "10.0.0.1"));
    expect(refused.headers?.["retry-after"]).toBe("10");
    expect(JSON.parse(String(refused.body))).toEqual({ error: { code: "too_many_requests", message: "too many requests, try again later", status: 429 } });
    expect((await call(table, "/api/search", request("/api/search", "10.0.0.2"))).status).toBe(200);
    expect(limited).toEqual(["/api/search", "/api/search"]);
  });

  it("never limits the page's files", async () => {
    const { table } = setup();
    for (let i = 0; i < 10; i++) expect((await call(table, "/static/x.js", request("/static/*file", "10.0.0.1"))).status).toBe(200);
  });
});

describe("clientAddress", () => {
  it("uses the socket's peer unless proxies are trusted", () => {
    expect(clientAddress(request("/", "10.0.0.9", { "x-forwarded-for": "1.2.3.4" }), 0)).toBe("10.0.0.9");
  });

  it("reads the address the outermost trusted proxy saw, ignoring what the client claimed", () => {
    expect(clientAddress(request("/", "10.0.0.9", { "x-forwarded-for": "203.0.113.7" }), 1)).toBe("203.0.113.7");
    expect(clientAddress(request("/", "10.0.0.9", { "x-forwarded-for": "6.6.6.6, 203.0.113.7" }), 1)).toBe("203.0.113.7");
    expect(clientAddress(request("/", "10.0.0.9", { "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" }), 2)).toBe("203.0.113.7");
    expect(clientAddress(request("/", "10.0.0.9"), 1)).toBe("10.0.0.9");
  });
});
