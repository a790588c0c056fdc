// Two replicas on one real redis-server, sharing a knowledge directory, with their file watchers off: an
// approved staff answer reaches both within 5 s through the reload notice (Redis pub/sub), whether it is
// approved on one replica (the Slack App Home's path) or with `madoguchi staff approve` (REDIS_URL set).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedis, type RedisProcess } from "../../bench/load/redis-process.js";
import { runCli } from "../knowledge/support/cli.js";
import { copyKnowledge, type KnowledgeCopy } from "../server/support/knowledge-copy.js";
import { startTestServer, settle, type TestServer } from "../server/support/test-server.js";
import { answerEntry } from "../../src/knowledge/staff/new-entries.js";

let redis: RedisProcess;
let copy: KnowledgeCopy;
let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  redis = await startRedis();
  copy = await copyKnowledge();
  const env = { MADOGUCHI_KNOWLEDGE: copy.dir, MADOGUCHI_WATCH: "off", REDIS_URL: redis.url };
  [a, b] = await Promise.all([startTestServer(env), startTestServer(env)]);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await copy?.remove();
  await redis?.stop();
});

const lastLine = (s: string) => s.trim().split("\n").at(-1)!;

async function firstFaq(server: TestServer, q: string): Promise<string | undefined> {
  const { body } = await server.getJson<{ results: { type: string; id: string }[] }>(
    `/api/search?q=${encodeURIComponent(q)}`,
  );
  return body.results.find((r) => r.type === "faq")?.id;
}

async function servedWithin(server: TestServer, q: string, id: string, ms: number): Promise<number> {
  const started = Date.now();
  while ((await firstFaq(server, q)) !== id) {
    if (Date.now() - started > ms) throw new Error(`${server.url} did not serve ${id} within ${ms} ms`);
    await settle(50);
  }
  return Date.now() - started;
}

describe("staff changes on two replicas sharing Redis", () => {
  it("serves an answer approved on replica A on replica B within 5 s", async () => {
    const changes = a.server.services.staff.changes({ mayApprove: () => true });
    const entry = answerEntry({
      questions: ["ごみの収集日を知りたい"],
      answer: "燃えるごみは週2回、地区ごとの曜日に収集します。",
      department: "まちづくり課",
      by: "山田",
      now: new Date(),
    });
    const proposed = await changes.proposeAnswer(entry, { name: "山田", slackId: "U0AUTHOR" });
    expect(proposed.ok).toBe(true);
    const approved = await changes.approve(proposed.ok ? proposed.draft.id : "", {
      name: "佐藤",
      slackId: "U0APPROVER",
    });
    expect(approved.ok).toBe(true);
    expect(await servedWithin(a, "ごみの収集日はいつ", entry.id, 5_000)).toBeLessThan(5_000);
    expect(await servedWithin(b, "ごみの収集日はいつ", entry.id, 5_000)).toBeLessThan(5_000);
  });

  it("serves an answer approved with madoguchi staff approve on both replicas within 5 s", async () => {
    const env = { REDIS_URL: redis.url };
    const added = await runCli(
      [
        "staff",
        "add-answer",
        "--question",
        "粗大ごみの出し方を教えて",
        "--answer",
        "粗大ごみは電話で申し込み、指定日に出してください。",
        "--department",
        "まちづくり課",
        "--by",
        "中村",
        "--knowledge",
        copy.dir,
      ],
      env,
    );
    const approved = await runCli(
      ["staff", "approve", lastLine(added.stdout), "--by", "鈴木", "--knowledge", copy.dir],
      env,
    );
    expect(approved.code).toBe(0);
    expect(approved.stderr).toContain("told the other replicas to reload");
    const id = lastLine(approved.stdout);
    const [ta, tb] = await Promise.all([
      servedWithin(a, "粗大ごみの出し方", id, 5_000),
      servedWithin(b, "粗大ごみの出し方", id, 5_000),
    ]);
    expect(Math.max(ta, tb)).toBeLessThan(5_000);
  });
});

describe("App Home counts on two replicas sharing Redis", () => {
  it("shows on replica B a question residents asked on replica A", async () => {
    const { startSlackTestServer } = await import("../slack/slack-test-server.js");
    const env = { MADOGUCHI_KNOWLEDGE: copy.dir, REDIS_URL: redis.url };
    const [sa, sb] = [await startSlackTestServer(env), await startSlackTestServer(env)];
    let aClosed = false;
    try {
      const reply = await sa.server.services.engine.respond({
        user: "U-replica-a",
        channel: "line",
        municipality: null,
        text: "ペットの去勢手術の補助はありますか",
      });
      expect(reply.noMatch).toBe(true);
      await settle(200);
      // Slack events go through the shared stream, so whichever replica is free handles one; with A
      // stopped it is B, which can only know A's question from Redis.
      await sa.close();
      aClosed = true;
      const count = sb.slack.callsTo("views.publish").length;
      await sb.event({
        type: "app_home_opened",
        user: "USTAFF99",
        channel: "DHOME",
        tab: "home",
        event_ts: String(Date.now() / 1000),
      });
      const home = JSON.stringify((await sb.slack.waitFor("views.publish", count + 1))[count]!.args["view"]);
      expect(home).toContain("ペットの去勢手術の補助はありますか");
      expect(home).toMatch(/\*質問数\*\\n[1-9]\d*件/);
    } finally {
      if (!aClosed) await sa.close();
      await sb.close();
    }
  });
});
