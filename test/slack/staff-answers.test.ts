// The whole loop in Slack against the fake Slack API and the real server: a resident's question the bot
// cannot answer → 「回答を登録」 in the App Home → the modal → a draft (never served) → approval by a second,
// configured member of staff → the resident's paraphrase is answered with the new entry, its staff source
// and date. Self-approval, a forged or replayed approval and an invalid submission change nothing.
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlackTestServer, type SlackTestServer } from "./slack-test-server.js";
import { renderPlainText } from "../../src/dialogue/reply/render-plain-text.js";
import { runCli } from "../knowledge/support/cli.js";

const AUTHOR = "UAUTHOR01";
const APPROVER = "UAPPROVE1";
const GROUP_MEMBER = "UGROUP001";
const OUTSIDER = "UOTHER001";
const QUESTION = "犬の狂犬病予防注射はどこで受けられますか";
const PARAPHRASE = "狂犬病の注射はどこで打てる？";
const ANSWER = "狂犬病予防注射は毎年4月の集合注射か、市内の動物病院で受けられます。";

let t: SlackTestServer;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "madoguchi-staff-slack-"));
  await cp("knowledge", dir, { recursive: true });
  t = await startSlackTestServer({
    MADOGUCHI_KNOWLEDGE: dir,
    SLACK_STAFF_APPROVERS: APPROVER,
    SLACK_STAFF_APPROVER_GROUP: "S0REVIEW",
  });
  t.slack.userNames.set(AUTHOR, "山田花子");
  t.slack.userNames.set(APPROVER, "佐藤一郎");
  t.slack.userGroups.set("S0REVIEW", [GROUP_MEMBER]);
});
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

const resident = (text: string, user = "U-line-resident") =>
  t.server.services.engine.respond({ user, channel: "line", municipality: null, text });

async function published(user: string, action: () => Promise<unknown>): Promise<string> {
  const count = t.slack.callsTo("views.publish").length;
  await action();
  const calls = await t.slack.waitFor("views.publish", count + 1);
  const call = calls.slice(count).find((c) => c.args["user_id"] === user)!;
  return JSON.stringify(call.args["view"]);
}
const openHome = (user: string) =>
  published(user, () =>
    t.event({ type: "app_home_opened", user, channel: "DHOME", tab: "home", event_ts: String(Date.now() / 1000) }),
  );

function button(user: string, actionId: string, value: string) {
  return t.interaction({
    type: "block_actions",
    user: { id: user, username: user.toLowerCase(), team_id: "T0001" },
    container: { type: "view", view_id: "VHOME" },
    trigger_id: `trig.${actionId}`,
    view: { id: "VHOME", type: "home" },
    actions: [{ type: "button", action_id: actionId, block_id: "b", value, action_ts: "1" }],
  });
}

function submit(user: string, callbackId: string, metadata: string, values: Record<string, Record<string, unknown>>) {
  return t.interaction({
    type: "view_submission",
    user: { id: user, username: user.toLowerCase(), team_id: "T0001" },
    trigger_id: "trig.submit",
    view: { id: "VMODAL", type: "modal", callback_id: callbackId, private_metadata: metadata, state: { values } },
  });
}

const answerValues = (fields: {
  questions: string;
  answer: string;
  department: string;
  url?: string;
  date?: string;
}) => ({
  questions: { value: { type: "plain_text_input", value: fields.questions } },
  answer: { value: { type: "plain_text_input", value: fields.answer } },
  department: { value: { type: "plain_text_input", value: fields.department } },
  url: { value: { type: "plain_text_input", value: fields.url ?? null } },
  valid_until: { value: { type: "datepicker", selected_date: fields.date ?? null } },
});

const draftFiles = async () =>
  (await readdir(join(dir, "staff", "drafts")).catch(() => [] as string[])).filter((f) => f.endsWith(".yaml"));
const draftIdIn = (view: string) => /"value":"(a-\d{8}-[0-9a-f]{6})"/.exec(view)?.[1];

describe("staff answers from the Slack App Home", () => {
  let modal: { private_metadata: string; callback_id: string; blocks: unknown[] };
  let draftId: string;

  it("offers 「回答を登録」 under an unanswered question, opening the modal with the question", async () => {
    expect((await resident(QUESTION)).noMatch).toBe(true);
    const home = await openHome(AUTHOR);
    const questionId = /"action_id":"answer_question","text":\{[^}]*\},"value":"([^"]+)"/.exec(home)?.[1];
    expect(questionId).toBeDefined();
    const opens = t.slack.callsTo("views.open").length;
    await button(AUTHOR, "answer_question", questionId!);
    modal = (await t.slack.waitFor("views.open", opens + 1))[opens]!.args["view"] as typeof modal;
    expect(modal.callback_id).toBe("staff_answer");
    expect(JSON.stringify(modal.blocks)).toContain(QUESTION);
  });

  it("shows field errors in the modal for an invalid submission and writes nothing", async () => {
    const r = await submit(
      AUTHOR,
      "staff_answer",
      modal.private_metadata,
      answerValues({ questions: QUESTION, answer: ANSWER, department: "子育て支援課", url: "city.example/page" }),
    );
    const body = (await r.json()) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe("errors");
    expect(Object.keys(body.errors)).toEqual(["url"]);
    expect(body.errors["url"]).toContain("http");
    const empty = await submit(
      AUTHOR,
      "staff_answer",
      modal.private_metadata,
      answerValues({ questions: "", answer: "", department: "子育て支援課" }),
    );
    expect(((await empty.json()) as { errors: Record<string, string> }).errors).toEqual({
      questions: "質問を1つ以上書いてください。",
      answer: "回答を書いてください。",
    });
    expect(await draftFiles()).toEqual([]);
  });

  it("saves a valid submission as a draft that residents are not shown", async () => {
    const home = await published(AUTHOR, () =>
      submit(
        AUTHOR,
        "staff_answer",
        modal.private_metadata,
        answerValues({
          questions: `${QUESTION}\n狂犬病の予防接種はどこでできますか`,
          answer: ANSWER,
          department: "子育て支援課",
          date: "2099-03-31",
        }),
      ),
    );
    expect(home).toContain("下書きを保存しました");
    expect(await draftFiles()).toHaveLength(1);
    expect(renderPlainText(await resident(PARAPHRASE, "U-line-2"))).not.toContain(ANSWER);
    draftId = draftIdIn(home) ?? (await draftFiles())[0]!.replace(".yaml", "");
    expect(home).toContain("承認待ちの下書き（1件）");
    expect(home).not.toContain("approve_draft"); // the author gets no 承認 button
  });

  it("gives 「承認」 only to configured approvers who did not write the draft", async () => {
    expect(await openHome(OUTSIDER)).not.toContain("approve_draft");
    expect(await openHome(APPROVER)).toContain("approve_draft");
    expect(await openHome(GROUP_MEMBER)).toContain("approve_draft");
  });

  it("refuses a forged approval by the author or by someone who is not an approver", async () => {
    const self = await published(AUTHOR, () => button(AUTHOR, "approve_draft", draftId));
    expect(self).toContain("承認できませんでした");
    expect(self).toContain("a second member of staff must approve it");
    const outsider = await published(OUTSIDER, () => button(OUTSIDER, "approve_draft", draftId));
    expect(outsider).toContain("is not one of the configured approvers");
    expect(await draftFiles()).toHaveLength(1);
    expect(t.server.services.knowledge().faqs).toHaveLength(0);
  });

  it("publishes on a second person's approval: the resident's paraphrase gets the answer with its staff source", async () => {
    const home = await published(APPROVER, () => button(APPROVER, "approve_draft", draftId));
    expect(home).toContain("承認しました");
    const shown = renderPlainText(await resident(PARAPHRASE, "U-line-3"));
    expect(shown).toContain(ANSWER);
    expect(shown).toMatch(/出典: 職員の回答（子育て支援課 山田花子 確認 \d{4}-\d{2}-\d{2}）/);
    const faq = t.server.services.knowledge().faqs[0]!;
    expect(faq.source).toMatchObject({
      kind: "staff",
      by: "山田花子",
      approvedBy: "佐藤一郎",
      department: "子育て支援課",
      validUntil: "2099-03-31",
    });
  });

  it("refuses the same approval replayed", async () => {
    const replay = await published(GROUP_MEMBER, () => button(GROUP_MEMBER, "approve_draft", draftId));
    expect(replay).toContain("承認できませんでした");
    expect(replay).toContain("is waiting");
    expect(t.server.services.knowledge().faqs).toHaveLength(1);
  });

  it("sends a draft back with a reason through the 「差し戻し」 modal; the author's draft then cannot be approved", async () => {
    const opens = t.slack.callsTo("views.open").length;
    await button(
      AUTHOR,
      "answer_question",
      (/"action_id":"answer_question","text":\{[^}]*\},"value":"([^"]+)"/.exec(await openHome(AUTHOR)) ?? [])[1] ?? "x",
    );
    const second = (await t.slack.waitFor("views.open", opens + 1))[opens];
    const metadata = second ? String((second.args["view"] as { private_metadata: string }).private_metadata) : "{}";
    const saved = await published(AUTHOR, () =>
      submit(
        AUTHOR,
        "staff_answer",
        metadata,
        answerValues({ questions: "保育料はいくらですか", answer: "保育料は所得で決まります。", department: "保育課" }),
      ),
    );
    const id = /（(a-\d{8}-[0-9a-f]{6})）/.exec(saved)![1]!;
    const before = t.slack.callsTo("views.open").length;
    await button(APPROVER, "reject_draft", id);
    const modalView = (await t.slack.waitFor("views.open", before + 1))[before]!.args["view"] as {
      callback_id: string;
      private_metadata: string;
    };
    expect(modalView.callback_id).toBe("staff_reject");
    const empty = await submit(APPROVER, "staff_reject", modalView.private_metadata, {
      reason: { value: { type: "plain_text_input", value: "" } },
    });
    expect(((await empty.json()) as { errors: Record<string, string> }).errors).toEqual({
      reason: "理由を書いてください。",
    });
    const done = await published(APPROVER, () =>
      submit(APPROVER, "staff_reject", modalView.private_metadata, {
        reason: { value: { type: "plain_text_input", value: "所得ごとの金額表を添えてください" } },
      }),
    );
    expect(done).toContain(`差し戻しました（${id}）`);
    const late = await published(GROUP_MEMBER, () => button(GROUP_MEMBER, "approve_draft", id));
    expect(late).toContain("was sent back by 佐藤一郎");
  });

  it("lists expired answers and facts confirmed over a year ago for review", async () => {
    const off = { MADOGUCHI_STAFF_REVIEW: "off" };
    expect(
      (
        await runCli(
          [
            "staff",
            "add-fact",
            "imari-funin-chiryo-angel-support",
            "--field",
            "apply",
            "--value",
            "健康づくり課の窓口で申請",
            "--by",
            "中村",
            "--department",
            "健康づくり課",
            "--date",
            "2024-04-01",
            "--knowledge",
            dir,
          ],
          off,
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await runCli(
          [
            "staff",
            "add-answer",
            "--question",
            "インフルエンザ予防接種の助成は？",
            "--answer",
            "昨年度は1回1,000円を助成しました。",
            "--department",
            "健康づくり課",
            "--by",
            "中村",
            "--valid-until",
            "2021-03-31",
            "--knowledge",
            dir,
          ],
          off,
        )
      ).code,
    ).toBe(0);
    await t.server.reload("test");
    const home = await openHome(APPROVER);
    expect(home).toContain("見直しが必要な情報（2件）");
    expect(home).toContain("回答「インフルエンザ予防接種の助成は？」— 2021-03-31で有効期限切れ");
    expect(home).toContain(
      "不妊治療エンゼルサポート事業 の申請方法「健康づくり課の窓口で申請」— 2024-04-01 中村 確認（12か月以上前）",
    );
  });

  it("adds a staff-confirmed fact from a program's detail: a draft, approved by a second person, shown with its source", async () => {
    const before = t.slack.callsTo("response_url").length;
    await t.command("不妊治療エンゼルサポート事業", AUTHOR);
    const answer = JSON.stringify((await t.slack.waitFor("response_url", before + 1))[before]!.args);
    const value = /"action_id":"add_program_fact","text":\{[^}]*\},"value":"([^"]+)"/.exec(answer)?.[1];
    expect(value).toBe("imari-funin-chiryo-angel-support");
    const opens = t.slack.callsTo("views.open").length;
    await button(AUTHOR, "add_program_fact", value!);
    const modalView = (await t.slack.waitFor("views.open", opens + 1))[opens]!.args["view"] as {
      callback_id: string;
      private_metadata: string;
    };
    expect(modalView.callback_id).toBe("staff_fact");
    const values = (field: string, text: string) => ({
      fact_field: { value: { type: "static_select", selected_option: { value: field } } },
      fact_value: { value: { type: "plain_text_input", value: text } },
      fact_department: { value: { type: "plain_text_input", value: "健康づくり課" } },
      fact_url: { value: { type: "plain_text_input", value: null } },
      fact_date: { value: { type: "datepicker", selected_date: "2026-11-20" } },
    });
    const bad = await submit(AUTHOR, "staff_fact", modalView.private_metadata, values("status", "たぶん実施中"));
    expect(((await bad.json()) as { errors: Record<string, string> }).errors["fact_value"]).toContain(
      "実施中 / 終了 / 予算ゼロ / 見直し中",
    );
    const saved = await published(AUTHOR, () =>
      submit(AUTHOR, "staff_fact", modalView.private_metadata, values("amount", "1回5万円まで")),
    );
    const id = /（(f-\d{8}-[0-9a-f]{6})）/.exec(saved)![1]!;
    expect(await published(APPROVER, () => button(APPROVER, "approve_draft", id))).toContain("承認しました");
    const { body } = await (await fetch(`${t.server.url}/api/programs/imari-funin-chiryo-angel-support`))
      .json()
      .then((b) => ({ body: b as { staffFacts: { text: string }[] } }));
    expect(body.staffFacts.map((f) => f.text)).toContain("金額: 1回5万円まで（健康づくり課 山田花子 確認 2026-11-20）");
  });

  it("kept every view within Block Kit's limits", () => {
    expect(t.slack.rejected.filter((r: { method: string }) => r.method !== "usergroups.users.list")).toEqual([]);
  });
});
