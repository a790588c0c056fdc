// The App Home's header and unanswered list come from the shared turn log: on disk without Redis, so they
// survive a restart; each unanswered question once, its paraphrases counted with it; staff answers this
// week and drafts waiting counted from the knowledge.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlackTestServer, type SlackTestServer } from "./slack-test-server.js";
import { runCli } from "../knowledge/support/cli.js";

let root: string;
let knowledge: string;
let state: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "madoguchi-home-counts-"));
  knowledge = join(root, "knowledge");
  state = join(root, "state");
  await cp("knowledge", knowledge, { recursive: true });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function homeOf(t: SlackTestServer, user = "UCOUNT001"): Promise<string> {
  const count = t.slack.callsTo("views.publish").length;
  await t.event({ type: "app_home_opened", user, channel: "DHOME", tab: "home", event_ts: String(Date.now() / 1000) });
  return JSON.stringify((await t.slack.waitFor("views.publish", count + 1))[count]!.args["view"]);
}

const start = () => startSlackTestServer({ MADOGUCHI_KNOWLEDGE: knowledge, MADOGUCHI_STATE_DIR: state });

describe("App Home counts in the shared state (on disk)", () => {
  it("groups paraphrases, counts staff answers and drafts, and keeps it all across a restart", async () => {
    let t = await start();
    try {
      const ask = (user: string, text: string) =>
        t.server.services.engine.respond({ user, channel: "line", municipality: null, text });
      for (const [user, text] of [
        ["U1", "ペットの去勢手術の補助"],
        ["U2", "ペットの去勢手術の補助は？"],
        ["U3", "不妊治療の助成はありますか"],
        ["U4", "粗大ごみの出し方"],
      ] as const)
        await ask(user, text);
      expect(
        (
          await runCli(
            [
              "staff",
              "add-answer",
              "--question",
              "粗大ごみの出し方",
              "--answer",
              "電話で申し込みます。",
              "--department",
              "まちづくり課",
              "--by",
              "山田",
              "--knowledge",
              knowledge,
            ],
            { MADOGUCHI_STAFF_REVIEW: "off" },
          )
        ).code,
      ).toBe(0);
      expect(
        (
          await runCli([
            "staff",
            "add-answer",
            "--question",
            "犬の登録はどこで",
            "--answer",
            "環境課の窓口です。",
            "--department",
            "まちづくり課",
            "--by",
            "山田",
            "--knowledge",
            knowledge,
          ])
        ).code,
      ).toBe(0);
      await t.server.reload("test");
      const home = await homeOf(t);
      expect(home).toContain("*質問数*\\n4件");
      expect(home).toContain("*回答できた割合*\\n25.0%");
      expect(home).toContain("*未回答の質問*\\n2件");
      expect(home).toContain("（2回）");
      expect(home).toContain("*今週職員が回答*\\n1件");
      expect(home).toContain("*承認待ち*\\n1件");
    } finally {
      await t.close();
    }
    t = await start();
    try {
      const again = await homeOf(t);
      expect(again).toContain("*質問数*\\n4件");
      expect(again).toContain("*未回答の質問*\\n2件");
      expect(again).toContain("ペットの去勢手術の補助");
    } finally {
      await t.close();
    }
  });
});
