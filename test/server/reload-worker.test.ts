// Reloads in a worker thread, as `madoguchi serve` runs them from the compiled code: while a changed
// knowledge file is read, validated and indexed in the worker, the server keeps answering searches, and
// then serves the new knowledge (a broken file leaves the old knowledge serving, as on the main thread).
import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOnce } from "../knowledge/support/cli.js";

let root: string;
let dir: string;
let server: ChildProcess | undefined;
let url = "";

beforeAll(async () => {
  await buildOnce();
  root = await mkdtemp(join(tmpdir(), "madoguchi-reload-worker-"));
  dir = join(root, "knowledge");
  await cp(resolve("knowledge"), dir, { recursive: true });
  const env = {
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    MADOGUCHI_KNOWLEDGE: dir,
    MADOGUCHI_CACHE_DIR: join(root, "cache"),
    MADOGUCHI_RELOAD_DEBOUNCE_MS: "50",
    MADOGUCHI_RATE_WEB_BURST: "0",
    LOG_LEVEL: "info",
  };
  server = spawn(process.execPath, [resolve("dist/cli/main.js"), "serve"], { env, stdio: ["ignore", "pipe", "pipe"] });
  url = await new Promise<string>((ok, fail) => {
    server!.on("exit", (code) => fail(new Error(`the server exited (${code})`)));
    createInterface({ input: server!.stdout! }).on("line", (line) => {
      if (line.includes('"msg":"listening"')) ok((JSON.parse(line) as { url: string }).url);
    });
  });
}, 180_000);
afterAll(async () => {
  server?.kill("SIGTERM");
  await rm(root, { recursive: true, force: true });
});

const version = async () =>
  ((await (await fetch(`${url}/healthz`)).json()) as { knowledge: { version: string } }).knowledge.version;
const first = async (q: string) => {
  const r = await fetch(`${url}/api/search?q=${encodeURIComponent(q)}&municipality=${encodeURIComponent("飯塚市")}`);
  expect(r.status).toBe(200);
  return ((await r.json()) as { results: { name: string }[] }).results[0]?.name;
};

/** Asks until the served version differs from `from`; every answer meanwhile must be an old or new one. */
async function answerUntilReloaded(from: string, accept: (name: string | undefined) => boolean): Promise<number> {
  let answered = 0;
  for (const started = Date.now(); Date.now() - started < 90_000; answered++) {
    expect(accept(await first("外国人材を雇いたい"))).toBe(true);
    if ((await version()) !== from) return answered;
  }
  throw new Error("the knowledge was not reloaded within 90 s");
}

describe("reloads in a worker thread", () => {
  it("keep answering during the reload and then serve the new knowledge", async () => {
    const before = await version();
    const file = join(dir, "programs", "iizuka.yaml");
    await writeFile(
      file,
      (await readFile(file, "utf8")).replace("name: 外国人材雇用支援事業\n", "name: 外国人材雇用支援事業（改）\n"),
    );
    const answered = await answerUntilReloaded(
      before,
      (n) => n === "外国人材雇用支援事業" || n === "外国人材雇用支援事業（改）",
    );
    expect(answered).toBeGreaterThan(0);
    expect(await first("外国人材を雇いたい")).toBe("外国人材雇用支援事業（改）");
  }, 120_000);

  it("leave the old knowledge serving when a file breaks", async () => {
    const before = await version();
    await appendFile(join(dir, "programs", "iizuka.yaml"), "\n- id: broken\n  name: [unclosed\n");
    let health = { knowledge: { version: "", staleSince: undefined as string | undefined } };
    for (
      const started = Date.now();
      !health.knowledge.staleSince && Date.now() - started < 45_000;
      await new Promise((r) => setTimeout(r, 200))
    ) {
      health = (await (await fetch(`${url}/healthz`)).json()) as typeof health;
    }
    expect(health.knowledge.staleSince).toBeDefined();
    expect(health.knowledge.version).toBe(before);
    expect(await first("外国人材を雇いたい")).toBe("外国人材雇用支援事業（改）");
  }, 60_000);
});
