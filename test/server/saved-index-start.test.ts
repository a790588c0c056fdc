// The server and its saved index (MADOGUCHI_CACHE_DIR): it starts from a corrupt, a truncated or a stale
// saved index by building a new one (never serving the damaged file) and answers as from a fresh build;
// during a reload that makes the index stale it keeps answering, and the next start reads the new index.
import { cp, mkdtemp, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { savedIndexPath } from "../../src/search/saved-index.js";
import { readCacheFile } from "../../src/knowledge/cache/cache-file.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

let root: string;
let dir: string;
let cache: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "madoguchi-saved-start-"));
  dir = join(root, "knowledge");
  cache = join(root, "cache");
  await cp(join(import.meta.dirname, "..", "..", "knowledge"), dir, { recursive: true });
});
afterAll(() => rm(root, { recursive: true, force: true }));

const start = () => startTestServer({ MADOGUCHI_KNOWLEDGE: dir, MADOGUCHI_CACHE_DIR: cache });
const ask = async (s: TestServer, q: string) =>
  (
    await s.getJson<{ results: { name: string }[] }>(
      `/api/search?q=${encodeURIComponent(q)}&municipality=${encodeURIComponent("飯塚市")}`,
    )
  ).body.results.map((r) => r.name);
const QUESTION = "外国人材を雇いたい";
/** The saved file is sound when its header's key, length and checksum hold (whatever key it has). */
const sound = async (path: string) => {
  const header = JSON.parse(
    (await readFile(path)).subarray(12, 12 + (await readFile(path)).readUInt32LE(8)).toString(),
  ) as { key: string };
  return "payload" in readCacheFile(path, header.key);
};

describe("the server's saved index", () => {
  it("is built again from a corrupt or a truncated file, and the server answers as from a fresh build", async () => {
    const first = await start();
    const expected = await ask(first, QUESTION);
    await first.close();
    expect(expected[0]).toBe("外国人材雇用支援事業");
    const path = savedIndexPath(cache, dir);
    expect(await sound(path)).toBe(true);
    for (const damage of ["corrupt", "truncated"] as const) {
      const bytes = await readFile(path);
      if (damage === "corrupt") {
        bytes.writeUInt8(bytes[bytes.length - 77]! ^ 0x5a, bytes.length - 77);
        await writeFile(path, bytes);
      } else {
        await truncate(path, Math.floor(bytes.length / 2));
      }
      expect(await sound(path)).toBe(false);
      const server = await start();
      expect(await ask(server, QUESTION)).toEqual(expected);
      await server.close();
      expect(await sound(path)).toBe(true);
    }
  }, 120_000);

  it("keeps answering while a reload replaces a stale index, and the next start reads the new one", async () => {
    const server = await start();
    const file = join(dir, "programs", "iizuka.yaml");
    await writeFile(
      file,
      (await readFile(file, "utf8")).replace("name: 外国人材雇用支援事業\n", "name: 外国人材雇用支援事業（改）\n"),
    );
    const reload = server.server.reload("test");
    const during: string[][] = [];
    let done = false;
    void reload.then(() => (done = true));
    while (!done) {
      during.push(await ask(server, QUESTION));
      await new Promise((r) => setTimeout(r, 50)); // within the API's rate limit
    }
    expect((await reload).outcome).toBe("ok");
    expect(during.length).toBeGreaterThan(0);
    for (const names of during) expect(names[0]).toMatch(/^外国人材雇用支援事業/);
    expect((await ask(server, QUESTION))[0]).toBe("外国人材雇用支援事業（改）");
    await server.close();
    const next = await start();
    expect((await ask(next, QUESTION))[0]).toBe("外国人材雇用支援事業（改）");
    await next.close();
  }, 120_000);
});
