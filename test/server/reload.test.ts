// Live reload against the real server: new knowledge is swapped in whole; broken knowledge is refused
// while the old keeps serving every request, and /healthz, /metrics and the log say so.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { copyKnowledge, extraProgramYaml, type KnowledgeCopy } from "./support/knowledge-copy.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

const NEW_PROGRAM = extraProgramYaml("imari-uchu-hikoshi-ikusei", "宇宙飛行士育成補助事業").replace(
  "テスト用に追加した事業の概要。",
  "宇宙飛行士を目指す若者の訓練費用を補助する。",
);
const QUESTION = `/api/search?q=${encodeURIComponent("宇宙飛行士の訓練の補助")}`;

let copy: KnowledgeCopy;
let t: TestServer | undefined;
beforeEach(async () => {
  copy = await copyKnowledge();
});
afterEach(async () => {
  await t?.close();
  t = undefined;
  await copy.remove();
});

async function firstName(server: TestServer): Promise<string | undefined> {
  const { body } = await server.getJson<{ results: { name: string }[] }>(QUESTION);
  return body.results[0]?.name;
}

describe("knowledge reload", () => {
  it("swaps in new knowledge; a broken file is refused and the old knowledge keeps answering every request", async () => {
    t = await startTestServer({ MADOGUCHI_KNOWLEDGE: copy.dir });
    const server = t;
    expect(await firstName(server)).not.toBe("宇宙飛行士育成補助事業");
    const firstVersion = server.server.services.knowledge().version;

    await copy.write("programs/zz-new.yaml", NEW_PROGRAM);
    expect((await server.server.reload("test")).outcome).toBe("ok");
    expect(await firstName(server)).toBe("宇宙飛行士育成補助事業");
    const detail = await server.getJson("/api/programs/imari-uchu-hikoshi-ikusei");
    expect(detail.status).toBe(200);
    const goodVersion = server.server.services.knowledge().version;
    expect(goodVersion).not.toBe(firstVersion);

    await copy.write("programs/zz-new.yaml", NEW_PROGRAM.replace("department: テスト課", 'department: ""'));
    const during = Array.from({ length: 40 }, () => server.get(QUESTION).then((r) => r.status));
    const reload = server.server.reload("test");
    const statuses = await Promise.all([
      ...during,
      ...Array.from({ length: 40 }, () => server.get(QUESTION).then((r) => r.status)),
    ]);
    expect((await reload).outcome).toBe("failed");
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(await firstName(server)).toBe("宇宙飛行士育成補助事業");

    const health = await server.getJson<{
      status: string;
      knowledge: { version: string; staleSince?: string; lastReloadError?: string[] };
    }>("/healthz");
    expect(health.body.status).toBe("stale");
    expect(health.body.knowledge.version).toBe(goodVersion);
    expect(health.body.knowledge.staleSince).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(health.body.knowledge.lastReloadError?.join("\n")).toMatch(
      /zz-new\.yaml:\d+: imari-uchu-hikoshi-ikusei: department: /,
    );
    const metrics = await (await server.get("/metrics")).text();
    expect(metrics).toMatch(/^madoguchi_knowledge_stale 1$/m);
    expect(metrics).toMatch(/^madoguchi_knowledge_reloads_total\{outcome="failed"\} 1$/m);
    const failure = server.logs
      .entries()
      .find((e) => e["msg"] === "knowledge reload failed: still serving the previous knowledge");
    expect(failure).toMatchObject({ level: 50, servingVersion: goodVersion });
    expect(JSON.stringify(failure)).toContain("zz-new.yaml");

    await copy.write("programs/zz-new.yaml", NEW_PROGRAM);
    expect((await server.server.reload("test")).outcome).toBe("unchanged");
    const healed = await server.getJson<{ status: string; knowledge: { staleSince?: string } }>("/healthz");
    expect(healed.body).toMatchObject({ status: "ok" });
    expect(healed.body.knowledge.staleSince).toBeUndefined();
  });

  it("reloads by itself when a knowledge file changes", async () => {
    t = await startTestServer({
      MADOGUCHI_KNOWLEDGE: copy.dir,
      MADOGUCHI_WATCH: "on",
      MADOGUCHI_RELOAD_DEBOUNCE_MS: "100",
    });
    const server = t;
    await copy.write("programs/zz-new.yaml", NEW_PROGRAM);
    expect(await server.logs.next((e) => e["msg"] === "knowledge reloaded")).toMatchObject({ reason: "file change" });
    expect(await firstName(server)).toBe("宇宙飛行士育成補助事業");
  });

  it("reloads on SIGHUP", async () => {
    t = await startTestServer({ MADOGUCHI_KNOWLEDGE: copy.dir }, { reloadOnSighup: true });
    const server = t;
    await copy.write("programs/zz-new.yaml", NEW_PROGRAM);
    process.kill(process.pid, "SIGHUP");
    expect(await server.logs.next((e) => e["msg"] === "knowledge reloaded")).toMatchObject({ reason: "SIGHUP" });
    expect(await firstName(server)).toBe("宇宙飛行士育成補助事業");
  });
});
