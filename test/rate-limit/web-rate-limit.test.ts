// 429 with Retry-After on the JSON API past the burst, per client address; the page's files are never limited.
import { describe, expect, it } from "vitest";
import {
  jsonResponse,
  type RouteHandler,
  type RouteRequest,
  type RouteResponse,
} from "../../src/channels/http/route.js";
import type { ChannelContext } from "../../src/channels/channel-context.js";
import { webChannel } from "../../src/channels/web/index.js";
import { HttpError } from "../../src/channels/http/http-error.js";
import { errorResponse } from "../../src/server/http/respond.js";
import { InMemoryRateBuckets } from "../../src/shared-state/rate-buckets.js";
import { clientAddress, webAdmission } from "../../src/server/rate-limit/web-rate-limit.js";

function request(
  pattern: string,
  remoteAddress: string,
  headers: Record<string, string> = {},
): RouteRequest & { remoteAddress: string } {
  return {
    method: "GET",
    path: pattern,
    query: new URLSearchParams(),
    params: {},
    headers,
    body: Buffer.alloc(0),
    id: "t",
    route: pattern,
    logFields: {},
    remoteAddress,
  };
}

async function answer(handler: RouteHandler, req: RouteRequest): Promise<RouteResponse> {
  try {
    return await handler(req);
  } catch (e) {
    if (e instanceof HttpError) return errorResponse(e);
    throw e;
  }
}

describe("webAdmission", () => {
  const setup = () => {
    const limited: string[] = [];
    const admit = webAdmission({
      buckets: new InMemoryRateBuckets(() => 0),
      rule: { burst: 2, perMinute: 6 },
      trustProxyHops: 0,
      onLimited: (r) => limited.push(r),
    });
    const handler: RouteHandler = async (req) => {
      await admit(req);
      return jsonResponse(200, { ok: true });
    };
    return { handler, limited };
  };

  it("answers the burst, then 429 with Retry-After in whole seconds, per client", async () => {
    const { handler, limited } = setup();
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await answer(handler, request("/api/search", "10.0.0.1"))).status);
    expect(statuses).toEqual([200, 200, 429]);
    const refused = await answer(handler, request("/api/search", "10.0.0.1"));
    expect(refused.headers?.["retry-after"]).toBe("10");
    expect(JSON.parse(String(refused.body))).toEqual({
      error: { code: "too_many_requests", message: "too many requests, try again later", status: 429 },
    });
    expect((await answer(handler, request("/api/search", "10.0.0.2"))).status).toBe(200);
    expect(limited).toEqual(["/api/search", "/api/search"]);
  });

  it("is asked by the web channel for its JSON API, never for the page's files", async () => {
    let asked = 0;
    const ctx = {
      admission: {
        web: async () => {
          asked++;
          throw new HttpError(429, "too_many_requests", "limited");
        },
      },
    } as unknown as ChannelContext;
    const web = await webChannel(ctx);
    const route = (pattern: string) => web.routes.find((r) => r.pattern === pattern)!;
    expect((await answer(route("/api/search").handler, request("/api/search", "10.0.0.1"))).status).toBe(429);
    const file = { ...request("/static/*file", "10.0.0.1"), params: { file: "css/page.css" } };
    for (let i = 0; i < 5; i++) expect((await answer(route("/static/*file").handler, file)).status).toBe(200);
    expect(asked).toBe(1);
  });
});

describe("clientAddress", () => {
  it("uses the socket's peer unless proxies are trusted", () => {
    expect(clientAddress(request("/", "10.0.0.9", { "x-forwarded-for": "1.2.3.4" }), 0)).toBe("10.0.0.9");
  });

  it("reads the address the outermost trusted proxy saw, ignoring what the client claimed", () => {
    expect(clientAddress(request("/", "10.0.0.9", { "x-forwarded-for": "203.0.113.7" }), 1)).toBe("203.0.113.7");
    expect(clientAddress(request("/", "10.0.0.9", { "x-forwarded-for": "6.6.6.6, 203.0.113.7" }), 1)).toBe(
      "203.0.113.7",
    );
    expect(clientAddress(request("/", "10.0.0.9", { "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" }), 2)).toBe(
      "203.0.113.7",
    );
    expect(clientAddress(request("/", "10.0.0.9"), 1)).toBe("10.0.0.9");
  });
});
