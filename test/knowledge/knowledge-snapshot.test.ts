// The knowledge snapshot: a second start reads the snapshot instead of the YAML and gets the same knowledge;
// a changed file, a corrupt, a truncated snapshot, or broken knowledge each make it load the files again.
import { cp, mkdtemp, readFile, rm, truncate, writeFile, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { loadKnowledgeCached, snapshotPath } from "../../src/knowledge/cache/knowledge-snapshot.js";

let root: string;
let dir: string;
let cache: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "madoguchi-snapshot-"));
  dir = join(root, "knowledge");
  cache = join(root, "cache");
  await cp(join(import.meta.dirname, "..", "..", "knowledge"), dir, { recursive: true });
});
afterAll(() => rm(root, { recursive: true, force: true }));

const comparable = (k: NonNullable<Awaited<ReturnType<typeof loadKnowledge>>["knowledge"]>) => ({
  ...k,
  loadedAt: undefined,
  init: { ...k.toInit(), loadedAt: undefined },
});

describe("loadKnowledgeCached", () => {
  it("loads the files once, then gives the same knowledge from the snapshot", async () => {
    const first = await loadKnowledgeCached(dir, cache);
    expect(first.source).toBe("absent");
    const second = await loadKnowledgeCached(dir, cache);
    expect(second.source).toBe("snapshot");
    const fresh = (await loadKnowledge(dir)).knowledge!;
    expect(comparable(second.knowledge!)).toStrictEqual(comparable(fresh));
    const program = fresh.programs[0]!;
    expect(second.knowledge!.program(program.id)).toStrictEqual(program);
    expect(second.knowledge!.origin(program.id)).toStrictEqual(fresh.origin(program.id));
    expect(second.knowledge!.loadedAt.getTime()).toBeGreaterThanOrEqual(first.knowledge!.loadedAt.getTime());
  });

  it("loads the files again when one of them changed, and serves the change", async () => {
    const file = join(dir, "programs", "iizuka.yaml");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("name: 外国人材雇用支援事業", "name: 外国人材雇用支援事業（改）"));
    const changed = await loadKnowledgeCached(dir, cache);
    expect(changed.source).toBe("stale");
    expect(changed.knowledge!.programs.map((p) => p.name)).toContain("外国人材雇用支援事業（改）");
    expect((await loadKnowledgeCached(dir, cache)).source).toBe("snapshot");
  });

  it("never serves a corrupt or a truncated snapshot", async () => {
    const path = snapshotPath(cache, dir);
    const bytes = await readFile(path);
    bytes.writeUInt8(bytes[bytes.length - 100]! ^ 0xff, bytes.length - 100);
    await writeFile(path, bytes);
    const corrupt = await loadKnowledgeCached(dir, cache);
    expect(corrupt.source).toBe("corrupt");
    expect(corrupt.knowledge!.programs.length).toBe((await loadKnowledge(dir)).knowledge!.programs.length);
    await truncate(path, (await readFile(path)).length - 10);
    expect((await loadKnowledgeCached(dir, cache)).source).toBe("truncated");
    expect((await loadKnowledgeCached(dir, cache)).source).toBe("snapshot");
  });

  it("reports broken knowledge as the loader does and saves nothing for it", async () => {
    await appendFile(join(dir, "programs", "iizuka.yaml"), "\n- id: broken\n  name: [unclosed\n");
    const broken = await loadKnowledgeCached(dir, cache);
    expect(broken.knowledge).toBeUndefined();
    expect(broken.problems).toStrictEqual((await loadKnowledge(dir)).problems);
    expect((await loadKnowledgeCached(dir, cache)).source).toBe("stale");
  });

  it("can be switched off", async () => {
    expect((await loadKnowledgeCached(dir, null)).source).toBe("off");
  });
});
