// The App Home staff open in Slack: the week's questions by channel, the no-match rate, the programs asked
// about most, and unanswered questions (masked, with what the search made of them) with 「同義語を追加」
// (a proposal in knowledge/synonym-proposals.yaml that `madoguchi check` validates) and 「対象外」.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlackTestServer, type SlackTestServer } from "./slack-test-server.js";
import { checkSynonymProposals } from "../../src/knowledge/synonym-proposals.js";
import type { SlackCall } from "../fakes/slack-api.js";

let t: SlackTestServer;
let dir: string;
const STAFF = "UHOME0001";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "madoguchi-home-"));
  await cp("knowledge", dir, { recursive: true });
  t = await startSlackTestServer({ MADOGUCHI_KNOWLEDGE: dir });
  const engine = t.server.services.engine;
  // Residents on LINE (the engine is shared; the App Home counts every channel's turns) and staff on Slack.
  // Each turn's expected outcome is checked, so a change in the search shows here as what it is.
  const turns: [string, string, string, "match" | "no-match" | "small talk"][] = [
    ["U-line-1", "line", "不妊治療の助成はありますか", "match"],
    ["U-line-2", "line", "粗大ごみの出し方 連絡は090-1234-5678", "no-match"],
    ["U-line-3", "line", "こんにちは", "small talk"],
    ["slack:T0001:U1", "slack", "不妊治療", "match"],
    ["slack:T0001:U2", "slack", "ペットの去勢手術の補助", "no-match"],
  ];
  for (const [user, channel, text, expected] of turns) {
    const reply = await engine.respond({ user, channel, municipality: null, text });
    if (expected !== "small talk") expect(reply.noMatch ? "no-match" : "match", `precondition: ${text}`).toBe(expected);
  }
});

afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const homeOpened = () =>
  t.event({ type: "app_home_opened", user: STAFF, channel: "DHOME", tab: "home", event_ts: String(Date.now() / 1000) });

async function nextPublish(): Promise<string> {
  const count = t.slack.callsTo("views.publish").length;
  return JSON.stringify((await t.slack.waitFor("views.publish", count + 1)).at(-1)!.args["view"]);
}

async function published(action: () => Promise<unknown>): Promise<SlackCall> {
  const count = t.slack.callsTo("views.publish").length;
  await action();
  return (await t.slack.waitFor("views.publish", count + 1))[count]!;
}

const view = (call: SlackCall) =>
  call.args["view"] as {
    blocks: { type: string; block_id?: string; elements?: { action_id: string; value: string }[] }[];
  };
const unansweredIds = (call: SlackCall) =>
  view(call)
    .blocks.filter((b) => b.block_id?.startsWith("q:"))
    .map((b) => b.block_id!.slice(2));

describe("App Home", () => {
  it("shows the week's numbers, the top program and the unanswered questions masked, with their terms", async () => {
    const call = await published(homeOpened);
    expect(call.args["user_id"]).toBe(STAFF);
    if (process.env["SHOW_HOME"]) console.log(JSON.stringify(view(call).blocks, null, 1));
    const text = JSON.stringify(view(call));
    expect(text).toContain("*質問数*\\n4件"); // こんにちは is not a question
    expect(text).toContain("*該当なしの割合*\\n50.0%（2件）");
    expect(text).toContain("LINE: 2件");
    expect(text).toContain("Slack: 2件");
    expect(text).toContain("1. 不妊治療エンゼルサポート事業（伊万里市）— 2件");
    expect(text).toContain("粗大ごみの出し方");
    expect(text).toContain("[電話番号]");
    expect(text).not.toContain("090-1234-5678");
    expect(text).toContain("ペットの去勢手術の補助");
    expect(text).toMatch(/解析: `[^`]+`/);
    expect(unansweredIds(call)).toHaveLength(2);
  });

  it("「対象外」 takes a question off the list", async () => {
    const before = await published(homeOpened);
    const [newest, older] = unansweredIds(before);
    const after = await published(() => t.interaction(homeAction("dismiss_question", newest!)));
    expect(unansweredIds(after)).toEqual([older]);
    expect(JSON.stringify(view(after))).toContain("「対象外」にしました");
  });

  it("「同義語を追加」 opens a modal and records a proposal that `madoguchi check` validates", async () => {
    const home = await published(homeOpened);
    const [question] = unansweredIds(home);
    const opens = t.slack.callsTo("views.open").length;
    await t.interaction(homeAction("propose_synonym", question!));
    const modal = (await t.slack.waitFor("views.open", opens + 1))[opens]!;
    expect(modal.args["trigger_id"]).toBe("trig.home");
    const modalView = modal.args["view"] as { private_metadata: string; callback_id: string };
    expect(modalView.callback_id).toBe("synonym_proposal");

    const invalid = await t.interaction(submission(modalView.private_metadata, "粗大ごみ", ""));
    expect(await invalid.json()).toEqual({ response_action: "errors", errors: { means: "ことばを入れてください。" } });

    const done = nextPublish();
    const ok = await t.interaction(submission(modalView.private_metadata, "粗大ごみ、そだいごみ", "ごみ処理"));
    expect(ok.status).toBe(200);
    expect(await done).toContain("同義語の提案を記録しました: 粗大ごみ、そだいごみ → ごみ処理");
    const file = join(dir, "synonym-proposals.yaml");
    const entries = parse(await readFile(file, "utf8")) as Record<string, unknown>[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      words: ["粗大ごみ", "そだいごみ"],
      means: ["ごみ処理"],
      proposedBy: STAFF,
      status: "proposed",
    });
    expect(String(entries[0]!["question"])).toContain("[電話番号]");
    expect(await checkSynonymProposals(dir)).toEqual([]);
  });

  it("`madoguchi check` names the file, entry and field of a broken proposal", async () => {
    const file = join(dir, "synonym-proposals.yaml");
    const good = await readFile(file, "utf8");
    await writeFile(file, `${good}- words: [にんかつ]\n  proposedAt: yesterday\n`);
    const problems = await checkSynonymProposals(dir, "knowledge/synonym-proposals.yaml");
    expect(problems.map((p) => [p.file, p.entry, p.field])).toEqual(
      expect.arrayContaining([
        ["knowledge/synonym-proposals.yaml", "entry #2", "means"],
        ["knowledge/synonym-proposals.yaml", "entry #2", "proposedAt"],
      ]),
    );
    await writeFile(file, good);
  });

  it("every view stayed within Block Kit's limits", () => {
    expect(t.slack.rejected).toEqual([]);
  });
});

function homeAction(actionId: string, value: string): Record<string, unknown> {
  return {
    type: "block_actions",
    user: { id: STAFF, username: "staff", team_id: "T0001" },
    container: { type: "view", view_id: "V1" },
    trigger_id: "trig.home",
    view: { id: "V1", type: "home" },
    actions: [{ type: "button", action_id: actionId, block_id: `qa:${value}`, value, action_ts: "1" }],
  };
}

function submission(questionId: string, words: string, means: string): Record<string, unknown> {
  return {
    type: "view_submission",
    user: { id: STAFF, username: "staff", team_id: "T0001" },
    trigger_id: "trig.2",
    view: {
      id: "VMODAL",
      type: "modal",
      callback_id: "synonym_proposal",
      private_metadata: questionId,
      state: {
        values: {
          words: { value: { type: "plain_text_input", value: words } },
          means: { value: { type: "plain_text_input", value: means || null } },
        },
      },
    },
  };
}
