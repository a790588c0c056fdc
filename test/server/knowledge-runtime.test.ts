// The runtime that serves knowledge + index and swaps them on reload, against real knowledge files.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KnowledgeRuntime, type ReloadOutcome } from "../../src/server/live-knowledge/knowledge-runtime.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { KnowledgeError } from "../../src/knowledge/problems.js";
import type { KnowledgeBase } from "../../src/knowledge/knowledge-base.js";
import { watchKnowledge } from "../../src/server/live-knowledge/watch-knowledge.js";
import { copyKnowledge, extraProgramYaml, type KnowledgeCopy } from "./support/knowledge-copy.js";

/** The "index" here is the list of program names: enough to see which knowledge a snapshot holds. */
const names = async (kb: KnowledgeBase) => kb.programs.map((p) => p.name);

let copy: KnowledgeCopy;
beforeEach(async () => {
  copy = await copyKnowledge();
});
afterEach(async () => {
  await copy.remove();
});

describe("KnowledgeRuntime", () => {
  it("refuses to start on a broken file, naming the file, the entry and the field", async () => {
    await copy.write(
      "programs/zz-broken.yaml",
      extraProgramYaml("imari-test-broken", "壊れた事業").replace("department:", "departmen:"),
    );
    const start = KnowledgeRuntime.start({ dir: copy.dir, load: loadKnowledge, buildIndex: names });
    await expect(start).rejects.toBeInstanceOf(KnowledgeError);
    await expect(start).rejects.toThrow(/zz-broken\.yaml:\d+: imari-test-broken: departmen: unknown field/);
  });

  it("swaps in new knowledge and index together; a broken reload keeps the old pair and reports it", async () => {
    const outcomes: ReloadOutcome[] = [];
    const rt = await KnowledgeRuntime.start({
      dir: copy.dir,
      load: loadKnowledge,
      buildIndex: names,
      onReload: (r) => outcomes.push(r),
    });
    const first = rt.current();
    expect(rt.health().staleSince).toBeUndefined();

    await copy.write("programs/zz-extra.yaml", extraProgramYaml("imari-test-extra", "テスト追加事業"));
    expect((await rt.reload("test")).outcome).toBe("ok");
    const second = rt.current();
    expect(second.index).toContain("テスト追加事業");
    expect(second.knowledge.program("imari-test-extra")?.name).toBe("テスト追加事業");
    expect(second.knowledge.version).not.toBe(first.knowledge.version);
    expect(first.index).not.toContain("テスト追加事業"); // the old snapshot is untouched

    await copy.write(
      "programs/zz-extra.yaml",
      extraProgramYaml("imari-test-extra", "テスト追加事業").replace("municipality: 伊万里市", "municipality: 架空市"),
    );
    const failed = await rt.reload("test");
    expect(failed.outcome).toBe("failed");
    expect(rt.current()).toBe(second);
    const health = rt.health();
    expect(health.staleSince).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(health.lastReloadError?.join("\n")).toMatch(
      /zz-extra\.yaml:2: imari-test-extra: municipality: unknown municipality "架空市"/,
    );
    expect(health.version).toBe(second.knowledge.version);

    await copy.write("programs/zz-extra.yaml", extraProgramYaml("imari-test-extra", "テスト追加事業"));
    expect((await rt.reload("test")).outcome).toBe("unchanged");
    expect(rt.health().staleSince).toBeUndefined();
    expect(outcomes.map((o) => o.outcome)).toEqual(["ok", "failed", "unchanged"]);
  });

  it("keeps the old pair when building the index throws", async () => {
    let fail = false;
    const build = async (kb: KnowledgeBase) => {
      if (fail) throw new Error("index build ran out of memory");
      return names(kb);
    };
    const rt = await KnowledgeRuntime.start({ dir: copy.dir, load: loadKnowledge, buildIndex: build });
    const before = rt.current();
    fail = true;
    await copy.write("programs/zz-extra.yaml", extraProgramYaml("imari-test-extra", "テスト追加事業"));
    expect(await rt.reload()).toMatchObject({ outcome: "failed", errors: ["index build ran out of memory"] });
    expect(rt.current()).toBe(before);
  });

  it("never runs two reloads at once: a burst of requests costs at most two builds", async () => {
    let builds = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    const build = async (kb: KnowledgeBase) => {
      builds++;
      maxConcurrent = Math.max(maxConcurrent, ++concurrent);
      await new Promise((r) => setTimeout(r, 30));
      concurrent--;
      return names(kb);
    };
    const rt = await KnowledgeRuntime.start({ dir: copy.dir, load: loadKnowledge, buildIndex: build });
    builds = 0;
    await copy.write("programs/zz-extra.yaml", extraProgramYaml("imari-test-extra", "テスト追加事業"));
    const results = await Promise.all(Array.from({ length: 8 }, () => rt.reload("burst")));
    expect(maxConcurrent).toBe(1);
    expect(builds).toBe(1); // the queued reload found the same version: no second build
    expect(results.filter((r) => r.outcome === "ok")).toHaveLength(1);
    expect(rt.current().index).toContain("テスト追加事業");
  });
});

describe("watchKnowledge", () => {
  it("calls back once after a burst of changes to knowledge files, and not for other files", async () => {
    const DEBOUNCE_MS = 100;
    // That nothing happened can only be seen by waiting past the debounce; everything else waits on the callback.
    const quiet = () => new Promise((r) => setTimeout(r, 3 * DEBOUNCE_MS));
    let calls = 0;
    let called: () => void = () => undefined;
    const firstCall = new Promise<void>((resolve) => {
      called = resolve;
    });
    const watcher = watchKnowledge(
      copy.dir,
      DEBOUNCE_MS,
      () => {
        calls++;
        called();
      },
      (e) => {
        throw e;
      },
    );
    try {
      await copy.write("sources/notes.txt", "not knowledge");
      await quiet();
      expect(calls).toBe(0);
      for (let i = 0; i < 5; i++)
        await copy.write("programs/zz-extra.yaml", extraProgramYaml("imari-test-extra", `テスト${i}`));
      await firstCall;
      await quiet();
      expect(calls).toBe(1);
    } finally {
      watcher.close();
    }
  });
});
