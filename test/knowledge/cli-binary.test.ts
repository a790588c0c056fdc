// The madoguchi executable as a user runs it (`node dist/cli/main.js`, what `npx madoguchi` starts),
// over the real knowledge/ and a broken fixture. Compiles src/ first.
import { describe, expect, it, beforeAll } from "vitest";
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { buildOnce, fixture, problemLines, runBinary } from "./support/cli.js";

interface ListedEntry {
  type: "program" | "faq";
  id: string;
  municipality: string | null;
  name: string;
  department?: string | string[];
  source?: { document: string; place: string };
  summary?: string;
}

beforeAll(buildOnce, 120_000);

describe("the madoguchi executable", () => {
  it("--help lists check, list and import, and import --help explains both kinds", async () => {
    const help = await runBinary(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^\s+check\s/m);
    expect(help.stdout).toMatch(/^\s+list\s/m);
    expect(help.stdout).toMatch(/^\s+import\s/m);
    const usage = await runBinary(["import", "--help"]);
    expect(usage.stdout).toContain("madoguchi import programs FILE --municipality NAME --document ID");
    expect(usage.stdout).toContain("madoguchi import faq FILE");
  });

  it("check passes on the bundled knowledge", async () => {
    const r = await runBinary(["check"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: \d+ programs/);
  });

  it("check fails on an amount without a unit: one line and exit 1", async () => {
    const r = await runBinary(["check", "--knowledge", fixture("amount-without-unit")]);
    expect(r.code).toBe(1);
    expect(problemLines(r.stderr)).toEqual([
      "test/fixtures/knowledge/amount-without-unit/programs/imari.yaml:7: imari-funin-chiryo-angel-support: benefits.0.amounts.0.unit: is required: an amount needs a unit (円, 千円, 回 …)",
    ]);
  });

  it("check fails on a CSV without 質問: one line and exit 1", async () => {
    const r = await runBinary(["check", "--knowledge", fixture("csv-without-question")]);
    expect(r.code).toBe(1);
    expect(problemLines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain("faq/imari-faq.csv:1: header: missing column 質問");
  });

  it("list --json prints every program of both municipalities in canonical form", async () => {
    const r = await runBinary(["list", "--json"]);
    expect(r.code).toBe(0);
    const entries = JSON.parse(r.stdout) as ListedEntry[];
    const programs = entries.filter((e) => e.type === "program");
    expect(programs.length).toBeGreaterThanOrEqual(150);
    expect(programs.filter((p) => p.municipality === "伊万里市").length).toBeGreaterThanOrEqual(80);
    expect(programs.filter((p) => p.municipality === "飯塚市").length).toBeGreaterThanOrEqual(75);
    for (const p of programs) {
      expect(Object.keys(p).slice(0, 4), p.id).toEqual(["type", "id", "municipality", "name"]);
      expect(p.name.trim(), p.id).not.toBe("");
      expect(p.department, p.id).toBeTruthy();
      expect(p.source?.document, p.id).toMatch(/^[a-z0-9-]+$/);
      expect(p.source?.place, p.id).toBeTruthy();
    }
    expect(new Set(entries.map((e) => `${e.type}:${e.id}`)).size).toBe(entries.length);
  });

  it("`list --json | head -1`: a reader that stops early ends it quietly with 0, nothing on stderr", async () => {
    const child = spawn(process.execPath, [resolve("dist/cli/main.js"), "list", "--json"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    const first = await new Promise<string>((done) => {
      let seen = "";
      child.stdout.on("data", (c: Buffer) => {
        seen += c.toString();
        if (seen.includes("\n")) {
          child.stdout.destroy();
          done(seen.split("\n")[0]!);
        } // what head -1 does
      });
    });
    const code = await new Promise<number | null>((done) => child.on("close", (c) => done(c)));
    expect(first).toBe("[");
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("list fails with the problems, not a stack trace, on broken knowledge", async () => {
    const r = await runBinary(["list", "--json", "--knowledge", fixture("duplicate-id")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("imari-kodomo-iryohi-josei: id: duplicate id");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("import faq reads a Shift_JIS CSV", async () => {
    const r = await runBinary(["import", "faq", fixture("sjis-csv/faq/imari-faq-sjis.csv")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("question: 不妊治療の助成はありますか");
  });
});
