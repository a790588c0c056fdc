// Staff look programs up in Slack: signed requests against the real server, answers recorded by the fake
// Slack Web API. Slash commands answer privately through response_url; mentions in a thread; DMs in the DM.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlackTestServer, messageEvent, nextTs, type SlackTestServer } from "./slack-test-server.js";
import type { SlackCall } from "../fakes/slack-api.js";

let t: SlackTestServer;

beforeAll(async () => {
  t = await startSlackTestServer();
});

afterAll(async () => {
  await t.close();
});

type Block = {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: { action_id?: string; value?: string; type: string }[];
};
const blocksOf = (call: SlackCall) => call.args["blocks"] as Block[];
const programIds = (call: SlackCall) =>
  blocksOf(call)
    .filter((b) => b.block_id?.startsWith("program:"))
    .map((b) => b.block_id!.slice("program:".length));

/** The response_url post answering the command sent with `responseUrl`. */
async function answerTo(responseUrl: string): Promise<SlackCall> {
  const id = responseUrl.split("/").pop();
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = t.slack.callsTo("response_url").find((c) => (c.args["__url"] ?? "") === id);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no response_url post for ${responseUrl}`);
    await t.slack
      .waitFor("response_url", t.slack.callsTo("response_url").length + 1, Math.max(1, deadline - Date.now()))
      .catch(() => undefined);
  }
}

describe("/madoguchi", () => {
  it.each([
    ["不妊治療", "imari-funin-chiryo-angel-support"],
    ["陣痛タクシー", "iizuka-jintsu-taxi"],
    ["子どもの医療費の助成はありますか", "iizuka-kodomo-iryohi-josei"],
    ["伊万里 子ども 医療費", "imari-kodomo-iryohi-josei"],
    ["ファミサポ 飯塚", "iizuka-family-support-center"],
  ])("%j → an answer only the asker sees, naming %s with its five fields", async (words, programId) => {
    const { response, responseUrl } = await t.command(words);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(""); // acknowledged at once; the answer follows through response_url
    const answer = await answerTo(responseUrl);
    expect(answer.args["response_type"]).toBe("ephemeral");
    expect(programIds(answer)).toContain(programId);
    const section = JSON.stringify(blocksOf(answer).find((b) => b.block_id === `program:${programId}`));
    for (const label of ["対象", "金額", "担当課", "期間", "出典と時点"]) expect(section).toContain(`*${label}*`);
    const actions = blocksOf(answer)
      .flatMap((b) => b.elements ?? [])
      .map((e) => e.action_id);
    expect(actions).toContain("share_answer");
    expect(actions).toContain("municipality_filter");
  });

  it("explains itself when given no words", async () => {
    const { responseUrl } = await t.command("  ");
    const answer = await answerTo(responseUrl);
    expect(String(answer.args["text"])).toContain("使い方");
  });
});

describe("buttons on an answer", () => {
  it("詳しく answers privately about that program; the filter redraws; share posts in the channel", async () => {
    const { responseUrl } = await t.command("不妊治療");
    const answer = await answerTo(responseUrl);
    const details = await t.interaction(
      blockAction("program_details", { value: "imari-funin-chiryo-angel-support" }, answer),
    );
    expect(details.status).toBe(200);
    const detailed = await waitForNewResponse(answer);
    expect(detailed.args["response_type"]).toBe("ephemeral");
    expect(detailed.args["replace_original"]).toBe(false);
    expect(JSON.stringify(detailed.args["blocks"])).toContain("不妊治療");

    const filterBlock = blocksOf(answer).find((b) => b.block_id?.startsWith("lookup:"))!;
    await t.interaction({
      ...blockAction(
        "municipality_filter",
        {
          selected_option: { value: "飯塚市", text: { type: "plain_text", text: "飯塚市" } },
          block_id: filterBlock.block_id,
        },
        answer,
      ),
      container: { type: "message", is_ephemeral: true },
    });
    const filtered = await waitForNewResponse(detailed);
    expect(filtered.args["replace_original"]).toBe(true);
    expect(programIds(filtered).every((id) => id.startsWith("iizuka-"))).toBe(true);
    expect(JSON.stringify(filtered.args["blocks"])).toContain("検索: 不妊治療（飯塚市）");

    const share = blocksOf(answer)
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === "share_answer")!;
    const before = t.slack.callsTo("response_url").length;
    await t.interaction(blockAction("share_answer", { value: share.value }, answer));
    const [shared, note] = (await t.slack.waitFor("response_url", before + 2)).slice(before);
    expect(shared!.args["response_type"]).toBe("in_channel");
    expect(programIds(shared!)).toContain("imari-funin-chiryo-angel-support");
    expect(JSON.stringify(shared!.args["blocks"])).toContain("<@USTAFF01> さんが共有しました");
    expect(note!.args["replace_original"]).toBe(true);
  });

  it("詳しく shows the program's whole summary (いまりんバス's three routes), the short one among several", async () => {
    const { responseUrl } = await t.command("コミュニティバス 伊万里");
    const answer = await answerTo(responseUrl);
    const details = await t.interaction(blockAction("program_details", { value: "imari-community-bus-unko" }, answer));
    expect(details.status).toBe(200);
    const detailed = await waitForNewResponse(answer);
    expect(programIds(detailed)).toEqual(["imari-community-bus-unko"]);
    const section = blocksOf(detailed).find((b) => b.block_id === "program:imari-community-bus-unko")!;
    for (const route of ["いまりんバス市街地線", "いまりんバス地域線", "いまりんバス郊外線"])
      expect(section.text!.text).toContain(route);
    expect(section.text!.text.length).toBeLessThanOrEqual(3000);
    if (programIds(answer).length > 1) expect(JSON.stringify(blocksOf(answer))).not.toContain("いまりんバス郊外線");
  });

  it("a suggested next step answers privately with what it asked for", async () => {
    const { responseUrl } = await t.command("陣痛タクシー");
    const answer = await answerTo(responseUrl);
    const buttons = blocksOf(answer).find((b) => b.block_id === "suggestions")?.elements ?? [];
    const contact = buttons.find((e) => JSON.parse(e.value ?? "{}").aspect === "contact");
    expect(contact, JSON.stringify(buttons)).toBeDefined();
    await t.interaction(blockAction(contact!.action_id!, { value: contact!.value }, answer));
    const reply = await waitForNewResponse(answer);
    expect(reply.args["response_type"]).toBe("ephemeral");
    expect(JSON.stringify(reply.args)).not.toContain("使えなくなりました");
    expect(JSON.stringify(reply.args)).toContain("こども家庭課");
  });

  it("a button value that was tampered with gets a polite 'use it again' and no engine call", async () => {
    const { responseUrl } = await t.command("陣痛タクシー");
    const answer = await answerTo(responseUrl);
    await t.interaction(blockAction("suggestion:0", { value: '{"kind":"nonsense"}' }, answer));
    const reply = await waitForNewResponse(answer);
    expect(String(reply.args["text"])).toContain("使えなくなりました");
  });
});

describe("mentions and direct messages", () => {
  it("answers a mention in a thread under it, without the bot's mention in the question", async () => {
    const ts = nextTs();
    const before = t.slack.callsTo("chat.postMessage").length;
    const response = await t.event({
      ...messageEvent({ channel: "CLOOKUP01", user: "USTAFF02", text: `<@${t.slack.botUserId}> 陣痛タクシー`, ts }),
      type: "app_mention",
    });
    expect(response.status).toBe(200);
    const post = (await t.slack.waitFor("chat.postMessage", before + 1))[before]!;
    expect(post.args["channel"]).toBe("CLOOKUP01");
    expect(post.args["thread_ts"]).toBe(ts);
    expect(programIds(post)).toContain("iizuka-jintsu-taxi");
  });

  it("answers a direct message in the DM", async () => {
    const before = t.slack.callsTo("chat.postMessage").length;
    await t.event(messageEvent({ channel: "DSTAFF03", user: "USTAFF03", text: "不妊治療の助成", channel_type: "im" }));
    const post = (await t.slack.waitFor("chat.postMessage", before + 1))[before]!;
    expect(post.args["channel"]).toBe("DSTAFF03");
    expect(programIds(post)).toContain("imari-funin-chiryo-angel-support");
  });

  it("ignores its own messages and other bots' (no answer loops)", async () => {
    const before = t.slack.calls.length;
    await t.event({
      ...messageEvent({ channel: "DSTAFF03", user: t.slack.botUserId, text: "陣痛タクシー", channel_type: "im" }),
      bot_id: "BBOT0001",
    });
    await t.event({
      ...messageEvent({ channel: "DSTAFF03", user: "UOTHERBOT", text: "陣痛タクシー", channel_type: "im" }),
      bot_id: "BOTHER",
      subtype: "bot_message",
    });
    await t.server.idle();
    expect(t.slack.calls.slice(before).filter((c) => c.method === "chat.postMessage")).toEqual([]);
  });
});

function blockAction(actionId: string, fields: Record<string, unknown>, answer: SlackCall): Record<string, unknown> {
  return {
    type: "block_actions",
    user: { id: "USTAFF01", username: "staff", team_id: "T0001" },
    channel: { id: "CLOOKUP01", name: "kosodate" },
    container: { type: "message", is_ephemeral: answer.args["response_type"] === "ephemeral" },
    trigger_id: "trig.1",
    response_url: t.slack.responseUrl(),
    actions: [{ type: "button", action_id: actionId, block_id: "b", action_ts: nextTs(), ...fields }],
  };
}

async function waitForNewResponse(after: SlackCall): Promise<SlackCall> {
  const calls = t.slack.callsTo("response_url");
  const index = calls.indexOf(after);
  return (await t.slack.waitFor("response_url", index + 2))[index + 1]!;
}
