// `madoguchi search` as staff and the scorer use it: the JSON-lines batch protocol, --json, the readable
// list, and clear errors for bad input. Runs the command in-process with its streams.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/run.js";

async function run(args: string[], input = ""): Promise<{ code: number; out: string; err: string }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c: Buffer) => (out += c.toString()));
  stderr.on("data", (c: Buffer) => (err += c.toString()));
  stdin.end(input);
  const code = await main(["search", "--knowledge", "knowledge", ...args], { stdin, stdout, stderr, env: {} });
  return { code, out, err };
}

describe("madoguchi search --batch", () => {
  it("answers one JSON line per input line, in order, a malformed line included", async () => {
    const input = [
      JSON.stringify({ q: "不妊治療の助成制度はありますか", municipality: "伊万里市" }),
      "not json",
      JSON.stringify({ q: "粗大ごみの出し方", municipality: null }),
      JSON.stringify({ q: "ファミサポ" }),
      "",
    ].join("\n");
    const { code, out, err } = await run(["--json", "--batch", "--top", "3", "--municipality", "飯塚市"], input);
    const lines = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ q: "不妊治療の助成制度はありますか", noMatch: false });
    const first = (lines[0]!.results as Record<string, unknown>[])[0]!;
    expect(Object.keys(first).sort()).toEqual(["confidence", "id", "matched", "municipality", "name", "score", "type"]);
    expect(first).toMatchObject({ type: "program", municipality: "伊万里市", name: "不妊治療エンゼルサポート事業" });
    expect(lines[1]).toMatchObject({ q: null });
    expect(String(lines[1]!.error)).toContain("not JSON");
    expect(lines[2]).toMatchObject({ q: "粗大ごみの出し方", noMatch: true, results: [] });
    // no "municipality" key: the command's --municipality applies
    expect((lines[3]!.results as { municipality: string }[]).every((r) => r.municipality === "飯塚市")).toBe(true);
    expect((lines[3]!.results as unknown[]).length).toBeLessThanOrEqual(3);
    expect(code).toBe(1);
    expect(err).toContain("1 input line(s)");
  });
});

describe("madoguchi search QUESTION", () => {
  it("prints a numbered list, or 見つかりませんでした", async () => {
    const found = await run(["学童保育に入りたい", "--municipality", "伊万里"]);
    expect(found.code).toBe(0);
    expect(found.out).toMatch(/1\. 留守家庭児童クラブ管理運営事業 {2}\[伊万里市\]/u);
    const none = await run(["戸籍謄本の取り方"]);
    expect(none.out).toContain("見つかりませんでした");
  });

  it("--json prints one object; --explain the terms", async () => {
    const json = JSON.parse((await run(["--json", "--top", "2", "ふにんちりょう"])).out) as {
      noMatch: boolean;
      results: { name: string }[];
    };
    expect(json.noMatch).toBe(false);
    expect(json.results.length).toBeGreaterThanOrEqual(1);
    expect(json.results.length).toBeLessThanOrEqual(2);
    expect(json.results[0]!.name).toBe("不妊治療エンゼルサポート事業");
    const explained = JSON.parse((await run(["--explain", "がくどう"])).out) as { concepts: { synonyms: string[] }[] };
    expect(explained.concepts[0]!.synonyms.some((t) => t.includes("留守家庭"))).toBe(true);
  });

  it.each([
    [["--top", "zero", "保育"], 2, "--top must be a positive whole number"],
    [[], 2, "give a question"],
    [["--municipality", "福岡市", "保育"], 2, "unknown municipality"],
  ])("rejects %j with exit %i", async (args, code, message) => {
    const r = await run(args);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
  });
});
