import { describe, expect, it } from "vitest";
import { MetricsRegistry } from "../../src/server/metrics/registry.js";

describe("MetricsRegistry", () => {
  it("renders counters with labels in the Prometheus text format, escaping label values", () => {
    const r = new MetricsRegistry();
    const c = r.counter("madoguchi_test_total", "A test counter.", ["route", "status"]);
    c.inc({ route: "/api/search", status: "200" });
    c.inc({ route: "/api/search", status: "200" }, 2);
    c.inc({ route: 'a"b\\c\nd', status: "404" });
    expect(r.render()).toBe(
      [
        "# HELP madoguchi_test_total A test counter.",
        "# TYPE madoguchi_test_total counter",
        'madoguchi_test_total{route="/api/search",status="200"} 3',
        'madoguchi_test_total{route="a\\"b\\\\c\\nd",status="404"} 1',
        "",
      ].join("\n"),
    );
  });

  it("renders cumulative histogram buckets, +Inf, sum and count", () => {
    const r = new MetricsRegistry();
    const h = r.histogram("madoguchi_q_seconds", "Latency.", ["channel"], [0.01, 0.1]);
    h.observe(0.005, { channel: "web" });
    h.observe(0.05, { channel: "web" });
    h.observe(3, { channel: "web" });
    const text = r.render();
    expect(text).toContain('madoguchi_q_seconds_bucket{channel="web",le="0.01"} 1');
    expect(text).toContain('madoguchi_q_seconds_bucket{channel="web",le="0.1"} 2');
    expect(text).toContain('madoguchi_q_seconds_bucket{channel="web",le="+Inf"} 3');
    expect(text).toContain('madoguchi_q_seconds_sum{channel="web"} 3.055');
    expect(text).toContain('madoguchi_q_seconds_count{channel="web"} 3');
  });

  it("returns the same metric when asked twice by name, and refuses a name reused for another type", () => {
    const r = new MetricsRegistry();
    const a = r.counter("madoguchi_x_total", "x", ["channel"]);
    expect(r.counter("madoguchi_x_total", "x", ["channel"])).toBe(a);
    expect(() => r.gauge("madoguchi_x_total", "x")).toThrow(/another type/);
    expect(() => r.counter("bad name", "x")).toThrow(/invalid metric name/);
    expect(() => a.inc({}, -1)).toThrow(/cannot decrease/);
  });
});
