// /healthz, /metrics and the request log, against the real server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/test-server.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

describe("GET /healthz", () => {
  it("reports the knowledge version, entry count and when it was loaded", async () => {
    const kb = t.server.services.knowledge();
    const { status, body } = await t.getJson("/healthz");
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: "ok",
      channels: ["web"],
      knowledge: {
        version: kb.version,
        entries: kb.programs.length + kb.faqs.length,
        programs: kb.programs.length,
        faqs: kb.faqs.length,
        loadedAt: kb.loadedAt.toISOString(),
      },
    });
    expect((body["knowledge"] as Record<string, unknown>)["staleSince"]).toBeUndefined();
  });
});

describe("GET /metrics", () => {
  it("exposes requests by route and status, query latency, no-match and duplicate deliveries in Prometheus text", async () => {
    await t.get("/api/search?q=%E9%99%A3%E7%97%9B%E3%82%BF%E3%82%AF%E3%82%B7%E3%83%BC"); // 陣痛タクシー
    await t.get("/api/search?q=%E7%B2%97%E5%A4%A7%E3%81%94%E3%81%BF"); // 粗大ごみ: no match
    await t.get("/api/programs/no-such-program");
    t.server.metrics.duplicateDeliveriesDropped.inc({ channel: "line" }); // what a channel does on a duplicate
    const res = await t.get("/metrics");
    expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const text = await res.text();
    expect(text).toMatch(
      /^madoguchi_http_requests_total\{route="\/api\/search",method="GET",status="200"\} [1-9]\d*$/m,
    );
    expect(text).toMatch(
      /^madoguchi_http_requests_total\{route="\/api\/programs\/:id",method="GET",status="404"\} 1$/m,
    );
    expect(text).toContain("# TYPE madoguchi_query_duration_seconds histogram");
    expect(text).toMatch(/^madoguchi_query_duration_seconds_count\{channel="web",kind="search"\} [1-9]\d*$/m);
    expect(text).toMatch(
      /^madoguchi_query_duration_seconds_bucket\{le="\+Inf",channel="web",kind="search"\} [1-9]\d*$/m,
    );
    expect(text).toMatch(/^madoguchi_no_match_total\{channel="web"\} [1-9]\d*$/m);
    expect(text).toMatch(/^madoguchi_duplicate_deliveries_dropped_total\{channel="line"\} 1$/m);
    expect(text).toMatch(
      new RegExp(
        `^madoguchi_knowledge_entries\\{type="program"\\} ${t.server.services.knowledge().programs.length}$`,
        "m",
      ),
    );
    expect(text).toMatch(/^madoguchi_knowledge_stale 0$/m);
  });

  it("exposes the process, heap, GC and event-loop metrics operators expect from a Node service", async () => {
    const text = await (await t.get("/metrics")).text();
    for (const name of [
      "process_cpu_seconds_total",
      "process_resident_memory_bytes",
      "nodejs_heap_size_used_bytes",
      "nodejs_eventloop_lag_seconds",
      "nodejs_gc_duration_seconds",
    ]) {
      expect(text, name).toMatch(new RegExp(`^# TYPE ${name} `, "m"));
    }
    expect(text).toMatch(/^nodejs_heap_size_used_bytes [1-9]\d*$/m);
  });

  it("shows the whole of process.memoryUsage(), array buffers included, so RSS can be told apart from the heap", async () => {
    const text = await (await t.get("/metrics")).text();
    for (const kind of ["rss", "heapTotal", "heapUsed", "external", "arrayBuffers"])
      expect(text, kind).toMatch(new RegExp(`^madoguchi_memory_bytes\\{kind="${kind}"\\} [1-9]\\d*$`, "m"));
  });
});

describe("request log", () => {
  const SECRETS = [
    "1234 5678 9012",
    "123456789012",
    "090-1234-5678",
    "０９０ー１２３４ー５６７８",
    "taro.yamada@example.jp",
  ];

  it("writes one line per request with ids, lengths and outcomes, never the words asked", async () => {
    const res = await t.request(`/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ session: "log-test-1", text: "不妊治療の助成ある？" }),
    });
    const id = res.headers.get("x-request-id");
    await res.json();
    const lines = t.logs.entries().filter((e) => e["reqId"] === id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: "request",
      route: "/api/chat",
      status: 200,
      input: "text",
      textLength: 10,
      noMatch: false,
    });
    expect(JSON.stringify(lines[0])).not.toContain("不妊治療");
  });

  it("masks My Numbers, phone numbers and e-mail addresses wherever they appear, and strips line breaks", async () => {
    const message = `マイナンバーは${SECRETS[0]}、${SECRETS[1]}です。電話は${SECRETS[2]}か${SECRETS[3]}、メールは${SECRETS[4]}\r\n{"level":60,"msg":"forged"}`;
    await t.postJson("/api/chat", { session: "log-test-2", text: message });
    await t.request(`/api/search?${new URLSearchParams({ q: message.slice(0, 150) })}`);
    await t.request(`/api/programs/${encodeURIComponent(SECRETS[4]!)}`);
    await t.request(`/nowhere/${SECRETS[1]}/${encodeURIComponent(SECRETS[2]!)}`);
    // A channel logging carelessly is masked too (the logger cleans every argument).
    t.server.logger.info({ text: message, nested: { list: [message] }, channelSecret: "s3cr3t-value" }, message);
    const text = t.logs.text();
    for (const secret of [...SECRETS, "s3cr3t-value", "taro.yamada", "1234%205678"]) expect(text).not.toContain(secret);
    expect(text).toContain("[個人番号]");
    expect(text).toContain("[電話番号]");
    expect(text).toContain("[メール]");
    for (const line of text.split("\n").filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
    expect(t.logs.entries().some((e) => e["msg"] === "forged")).toBe(false);
  });
});
