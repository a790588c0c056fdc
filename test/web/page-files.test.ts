// The front-desk page's files as the server sends them: a strict Content-Security-Policy the markup
// keeps (no inline script or style), nothing loaded from another origin, no HTML parsing of data in
// the scripts, and only the page's own files reachable.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { PUBLIC_DIR } from "../../src/channels/web/static-files.js";
import { startTestServer, type TestServer } from "../server/support/test-server.js";

function publicFiles(dir = PUBLIC_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? publicFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}
const files = publicFiles().map((path) => ({ name: relative(PUBLIC_DIR, path), text: readFileSync(path, "utf8") }));
const scripts = files.filter((f) => f.name.endsWith(".js"));

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

describe("the page at /", () => {
  it("is served with a strict CSP that its markup keeps: scripts and styles only from files", async () => {
    const res = await t.get("/");
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    const html = await res.text();
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\ssrc="\/static\//);
    expect(html).not.toMatch(/<style\b/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/\son[a-z]+=/);
  });

  it("serves every file under /static with its type and an ETag the browser can revalidate", async () => {
    for (const f of files) {
      const res = await t.get(`/static/${f.name}`);
      expect(res.status, f.name).toBe(200);
      const type = res.headers.get("content-type");
      if (f.name.endsWith(".js")) expect(type).toBe("text/javascript; charset=utf-8");
      if (f.name.endsWith(".css")) expect(type).toBe("text/css; charset=utf-8");
      const etag = res.headers.get("etag")!;
      const again = await t.request(`/static/${f.name}`, { headers: { "if-none-match": etag } });
      expect(again.status).toBe(304);
    }
  });

  it.each([
    "/static/../package.json",
    "/static/%2e%2e/package.json",
    "/static/..%2f..%2fpackage.json",
    "/static/js/",
    "/static/nothing.js",
    "/index.html",
  ])("serves nothing else: %s → 404", async (path) => {
    expect((await t.get(path)).status).toBe(404);
  });
});

describe("the page's scripts and styles", () => {
  it("never parse text as HTML (no innerHTML, outerHTML, insertAdjacentHTML, document.write, eval)", () => {
    for (const f of scripts) {
      expect(f.text, f.name).not.toMatch(
        /\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(|setAttribute\(\s*["']style/,
      );
    }
  });

  it("load nothing from another origin (no CDN, no web font)", () => {
    for (const f of files) {
      const urls = (f.text.match(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"')]*/gi) ?? []).filter(
        (u) => u !== "http://www.w3.org/2000/svg",
      );
      expect(urls, f.name).toEqual([]);
      expect(f.text, f.name).not.toMatch(/@import|@font-face/);
    }
  });

  it("print on A4 with the detail only", () => {
    const print = files.find((f) => f.name === "css/print.css")!.text;
    expect(print).toMatch(/@page\s*\{[^}]*size:\s*A4/);
    expect(print).toMatch(/\.chat-pane[^{]*\{[^}]*display:\s*none/);
  });
});
