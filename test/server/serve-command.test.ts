// `madoguchi serve` as a newcomer runs it: it prints what is served and where, serves until SIGINT,
// and refuses to start on broken knowledge, naming the file, the entry and the field.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PassThrough } from "node:stream";
import { serveCommand } from "../../src/cli/serve.js";
import type { CliIo } from "../../src/cli/command.js";
import { copyKnowledge, extraProgramYaml, type KnowledgeCopy } from "./support/knowledge-copy.js";

function captureIo(env: Record<string, string>): { io: CliIo; stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on("data", (c: Buffer) => out.push(c.toString()));
  stderr.on("data", (c: Buffer) => err.push(c.toString()));
  return {
    io: { stdin: new PassThrough(), stdout, stderr, env },
    stdout: () => out.join(""),
    stderr: () => err.join(""),
  };
}

let copy: KnowledgeCopy;
beforeEach(async () => {
  copy = await copyKnowledge();
});
afterEach(async () => {
  await copy.remove();
});

describe("madoguchi serve", () => {
  it("prints the URL and what is enabled, serves the page and API with no credentials, and stops on SIGINT", async () => {
    const c = captureIo({ PORT: "0", MADOGUCHI_KNOWLEDGE: copy.dir, MADOGUCHI_WATCH: "off", LOG_LEVEL: "silent" });
    const running = serveCommand.run([], c.io);
    const until = Date.now() + 20_000;
    while (!/front-desk page/.test(c.stdout()) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    const banner = c.stdout();
    const url = /front-desk page\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(banner)?.[1];
    expect(url).toBeDefined();
    expect(banner).toMatch(/Madoguchi is serving 伊万里市・飯塚市: \d+ programs/);
    expect(banner).toMatch(/health, metrics\s+http:\/\/127\.0\.0\.1:\d+\/healthz/);
    expect(banner).toMatch(/line\s+off \(set LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN/);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>窓口");
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    process.emit("SIGINT");
    expect(await running).toBe(0);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it("refuses to start on a broken knowledge file, naming the file, the entry and the field", async () => {
    await copy.write(
      "programs/zz-broken.yaml",
      extraProgramYaml("imari-broken-entry", "壊れた事業").replace(
        "  department: テスト課\n",
        "  departmnt: テスト課\n",
      ),
    );
    const c = captureIo({ PORT: "0", MADOGUCHI_KNOWLEDGE: copy.dir, MADOGUCHI_WATCH: "off", LOG_LEVEL: "silent" });
    expect(await serveCommand.run([], c.io)).toBe(1);
    expect(c.stderr()).toMatch(/zz-broken\.yaml:\d+: imari-broken-entry: departmnt: unknown field/);
    expect(c.stderr()).toMatch(/zz-broken\.yaml:\d+: imari-broken-entry: department: /);
    expect(c.stderr()).toMatch(/refusing to start: 2 problem\(s\) in the knowledge/);
  });

  it.each([
    [{ PORT: "eighty" }, /configuration: PORT: must be a whole number/],
    [
      { MADOGUCHI_HEAP_GROWING_PERCENT: "lots" },
      /configuration: MADOGUCHI_HEAP_GROWING_PERCENT: must be a whole number/,
    ],
    [
      { MADOGUCHI_MUNICIPALITY: "架空市" },
      /configuration: MADOGUCHI_MUNICIPALITY: "架空市" is not a municipality of this knowledge \(known: 伊万里市, 飯塚市\)/,
    ],
  ])("refuses to start with a bad setting %o and says which", async (env, message) => {
    const c = captureIo({
      PORT: "0",
      MADOGUCHI_KNOWLEDGE: copy.dir,
      MADOGUCHI_WATCH: "off",
      LOG_LEVEL: "silent",
      ...env,
    });
    expect(await serveCommand.run([], c.io)).toBe(2);
    expect(c.stderr()).toMatch(message);
  });
});
