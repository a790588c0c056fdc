import { describe, expect, it } from "vitest";
import { RouteTable } from "../../src/server/http/route-table.js";
import { jsonResponse } from "../../src/channels/http/route.js";

const ok = () => jsonResponse(200, {});

function table(): RouteTable {
  const t = new RouteTable();
  t.get("/", ok);
  t.get("/api/programs/:id", ok);
  t.post("/webhooks/line", ok);
  t.post("/webhooks/line/:name", ok);
  t.get("/static/*file", ok);
  return t;
}

describe("RouteTable", () => {
  it.each([
    ["GET", "/", "/", {}],
    ["GET", "/api/programs/imari-funin", "/api/programs/:id", { id: "imari-funin" }],
    ["GET", "/api/programs/%E4%BC%8A%E4%B8%87%E9%87%8C", "/api/programs/:id", { id: "伊万里" }],
    ["POST", "/webhooks/line", "/webhooks/line", {}],
    ["POST", "/webhooks/line/iizuka", "/webhooks/line/:name", { name: "iizuka" }],
    ["GET", "/static/css/page.css", "/static/*file", { file: "css/page.css" }],
    ["HEAD", "/api/programs/x", "/api/programs/:id", { id: "x" }],
  ])("%s %s → %s", (method, path, pattern, params) => {
    const m = table().match(method, path);
    expect(m.kind).toBe("found");
    if (m.kind === "found") {
      expect(m.route.pattern).toBe(pattern);
      expect(m.params).toEqual(params);
    }
  });

  it.each([
    ["GET", "/api/programs"],
    ["GET", "/api/programs/a/b"],
    ["GET", "/static"],
    ["GET", "/nothing"],
    ["GET", "/api/programs/%E4%BC"], // malformed percent-encoding
  ])("%s %s matches nothing", (method, path) => {
    expect(table().match(method, path).kind).toBe("none");
  });

  it("names the allowed methods when only the method is wrong", () => {
    expect(table().match("GET", "/webhooks/line")).toEqual({ kind: "wrong-method", allowed: ["POST"] });
    expect(table().match("DELETE", "/")).toEqual({ kind: "wrong-method", allowed: ["GET", "HEAD"] });
  });

  it("refuses the same route twice and patterns without a leading slash", () => {
    const t = table();
    expect(() => t.post("/webhooks/line", ok)).toThrow(/already registered/);
    expect(() => t.get("api", ok)).toThrow(/must start with/);
  });
});
