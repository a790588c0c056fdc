// The request pipeline on a real socket (127.0.0.1, ephemeral port): raw bodies reach routes byte for
// byte, the body cap answers 413 for every route, errors are JSON with the right status, and every
// request gets one log line and a metrics sample.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { request as httpRequest } from "node:http";
import { createHttpServer, type HttpServer } from "../../src/server/http/http-server.js";
import { RouteTable } from "../../src/server/http/route-table.js";
import { jsonResponse } from "../../src/channels/http/route.js";
import { readJson } from "../../src/channels/http/read-json.js";
import { createLogger } from "../../src/server/logging/logger.js";
import { createServerMetrics } from "../../src/server/metrics/server-metrics.js";
import { captureLogs } from "./support/log-capture.js";
import { metricValue } from "./support/metric-value.js";

const LIMIT = 1024 * 1024;
const logs = captureLogs();
const metrics = createServerMetrics();
let server: HttpServer;
let base: string;

beforeAll(async () => {
  const routes = new RouteTable();
  routes.post("/raw", (req) =>
    jsonResponse(200, { sha256: createHash("sha256").update(req.body).digest("hex"), length: req.body.length }),
  );
  routes.post("/json", (req) => jsonResponse(200, { got: readJson(req) }));
  routes.get("/boom", () => {
    throw new Error("secret internals at /srv/app.ts:12");
  });
  routes.get("/items/:id", (req) => jsonResponse(200, { id: req.params["id"] }));
  const logger = createLogger({ level: "info", destination: logs.destination, mask: (s) => s });
  server = createHttpServer({ routes, bodyLimit: LIMIT, logger, metrics });
  const address = await server.listen(0, "127.0.0.1");
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await server.close();
});

describe("request pipeline", () => {
  it("hands routes the raw body bytes unchanged (escaped surrogates, invalid UTF-8 and all)", async () => {
    const body = Buffer.concat([Buffer.from('{"text":"\\uD83E\\uDD28 伊万里"}'), Buffer.from([0xff, 0xfe, 0x00])]);
    const res = await fetch(`${base}/raw`, { method: "POST", body, headers: { "content-type": "application/json" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sha256: createHash("sha256").update(body).digest("hex"), length: body.length });
  });

  it("accepts a body of exactly the cap and refuses one byte more with 413, declared or chunked", async () => {
    const exact = await fetch(`${base}/raw`, { method: "POST", body: Buffer.alloc(LIMIT, 0x61) });
    expect(exact.status).toBe(200);
    const over = await fetch(`${base}/raw`, { method: "POST", body: Buffer.alloc(LIMIT + 1, 0x61) });
    expect(over.status).toBe(413);
    expect(await over.json()).toEqual({
      error: { code: "payload_too_large", status: 413, message: `the request body is larger than ${LIMIT} bytes` },
    });
    const chunked = await postChunked(`${base}/raw`, 4 * LIMIT);
    expect(chunked.status).toBe(413);
    // the server keeps serving
    expect((await fetch(`${base}/items/a`)).status).toBe(200);
  });

  it.each([
    ["malformed JSON", "application/json", '{"text": "伊万里', 400, "invalid_json"],
    ["invalid UTF-8", "application/json", Buffer.from([0x7b, 0xff, 0x7d]), 400, "invalid_encoding"],
    ["a form instead of JSON", "application/x-www-form-urlencoded", "text=a", 415, "unsupported_media_type"],
    ["no content type", "", "{}", 415, "unsupported_media_type"],
  ])("answers %s with %i as JSON, without echoing the body", async (_what, type, body, status, code) => {
    const headers: Record<string, string> = type ? { "content-type": type } : {};
    const res = await fetch(`${base}/json`, { method: "POST", body, headers });
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe(code);
    expect(json.error.message).not.toContain("伊万里");
  });

  it("parses well-formed JSON for routes that read it", async () => {
    const res = await fetch(`${base}/json`, {
      method: "POST",
      body: '{"a":"伊万里"}',
      headers: { "content-type": "application/json; charset=UTF-8" },
    });
    expect(await res.json()).toEqual({ got: { a: "伊万里" } });
  });

  it("answers unknown paths 404 and wrong methods 405 with Allow", async () => {
    const missing = await fetch(`${base}/nowhere`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");
    const wrong = await fetch(`${base}/raw`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
  });

  it("answers a handler's crash with a bare 500 and logs the details", async () => {
    const res = await fetch(`${base}/boom`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("secret internals");
    expect(JSON.parse(text)).toEqual({
      error: { code: "internal_error", status: 500, message: "internal server error" },
    });
    expect(logs.text()).toContain("request handler failed");
  });

  it("sends the security headers on every response", async () => {
    for (const path of ["/items/x", "/nowhere"]) {
      const res = await fetch(`${base}${path}`);
      expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-request-id")).toMatch(/^[A-Za-z0-9_-]{8}$/);
    }
  });

  it("writes one log line per request and counts it by route pattern and status", async () => {
    const before = await metricValue(metrics.httpRequests, { route: "/items/:id", method: "GET", status: "200" });
    const res = await fetch(`${base}/items/abc?x=1`);
    const id = res.headers.get("x-request-id");
    await res.text();
    await logs.next((e) => e["reqId"] === id); // written when the response closes, just after the client has it
    const lines = logs.entries().filter((e) => e["reqId"] === id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: "request",
      method: "GET",
      route: "/items/:id",
      path: "/items/abc",
      status: 200,
    });
    expect(await metricValue(metrics.httpRequests, { route: "/items/:id", method: "GET", status: "200" })).toBe(
      before + 1,
    );
    expect(await metrics.registry.metrics()).toMatch(
      /madoguchi_http_requests_total\{route="\/items\/:id",method="GET",status="200"\} \d+/,
    );
  });
});

/** POSTs `size` bytes with chunked transfer encoding (no Content-Length), resolving with the status. */
function postChunked(url: string, size: number): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", headers: { "transfer-encoding": "chunked" } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.on("error", (e: NodeJS.ErrnoException) =>
      e.code === "EPIPE" || e.code === "ECONNRESET" ? undefined : reject(e),
    );
    const chunk = Buffer.alloc(64 * 1024, 0x62);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) return req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}
