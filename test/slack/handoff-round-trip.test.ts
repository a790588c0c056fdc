// A resident on LINE asks for a person: the real server with both channels, the fake LINE platform and the
// fake Slack API. LINE → a thread in SLACK_HANDOFF_CHANNEL (masked) → a staff reply pushed on LINE → the
// resident's messages go to the thread (the bot silent) → staff close it → the bot answers again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeLinePlatform } from "../fakes/line-platform.js";
import { lineUserId, type LineEvents } from "../line/line-events.js";
import { startLineAndSlack, type LineAndSlack } from "./line-and-slack.js";
import { HANDOFF_MESSAGES } from "../../src/dialogue/handoff/handoff-messages.js";
import { messageEvent, HANDOFF_CHANNEL, type SlackTestServer } from "./slack-test-server.js";
import type { SlackCall } from "../fakes/slack-api.js";

const LINE_SECRET = "handoff-line-channel-secret-0123456789";
const LINE_TOKEN = "handoff-line-access-token";

let t: SlackTestServer;
let line: FakeLinePlatform;
let events: LineEvents;
let both: LineAndSlack;

beforeAll(async () => {
  both = await startLineAndSlack(LINE_SECRET, LINE_TOKEN);
  ({ t, line, events } = both);
});

afterAll(async () => {
  await both.close();
});

const fromResident = (events_: object[]) => both.fromResident(events_);
const pushedTexts = (user: string) =>
  line.pushes.filter((p) => p.to === user).flatMap((p) => p.messages.map((m) => (m as { text?: string }).text ?? ""));
const threadPosts = (ts: string): SlackCall[] =>
  t.slack.callsTo("chat.postMessage").filter((c) => c.args["thread_ts"] === ts);

describe("handoff from LINE to Slack and back", () => {
  it("round trip: request, thread, staff reply, resident follow-up, close", async () => {
    const resident = lineUserId();

    // 1. The resident asks for a person: told what happens next; a thread opens with the masked question.
    const repliesBefore = line.replies.length;
    await fromResident([events.text(resident, "職員と話したいです。マイナンバー 1234 5678 9012 の件で")]);
    expect(line.replies.length).toBe(repliesBefore + 1);
    expect(line.replies.at(-1)!.messages).toEqual([{ type: "text", text: HANDOFF_MESSAGES.opened }]);
    const opener = (await t.slack.waitFor("chat.postMessage")).find(
      (c) => c.args["channel"] === HANDOFF_CHANNEL && c.args["thread_ts"] === undefined,
    )!;
    const openerText = JSON.stringify(opener.args["blocks"]);
    expect(openerText).toContain("[個人番号]");
    expect(openerText).not.toContain("1234 5678 9012");
    expect(openerText).toContain("handoff_close");
    const ts = String(opener.result!["ts"]);

    // 2. The resident's next message goes to the thread (masked); the bot stays silent on LINE.
    await fromResident([events.text(resident, "児童手当の申請書はどこでもらえますか。電話は090-1234-5678です")]);
    expect(line.replies.length).toBe(repliesBefore + 1);
    const relayed = await waitFor(() => threadPosts(ts)[0]);
    expect(JSON.stringify(relayed.args["blocks"])).toContain("児童手当の申請書はどこでもらえますか");
    expect(JSON.stringify(relayed.args["blocks"])).toContain("[電話番号]");
    expect(JSON.stringify(relayed.args)).not.toContain("090-1234-5678");

    // 3. A staff reply in the thread is pushed to the resident on LINE, the link kept readable.
    await t.event(
      messageEvent({
        channel: HANDOFF_CHANNEL,
        user: "USTAFF20",
        thread_ts: ts,
        text: "担当の山田です。申請書は <https://www.city.imari.saga.jp/forms|こちら> からダウンロードできます &amp; 窓口にもあります。",
      }),
    );
    await waitFor(() => pushedTexts(resident)[0]);
    expect(pushedTexts(resident)).toEqual([
      `${HANDOFF_MESSAGES.staffPrefix}\n担当の山田です。申請書は こちら（https://www.city.imari.saga.jp/forms） からダウンロードできます & 窓口にもあります。`,
    ]);

    // A staff message elsewhere in the channel (not in the thread) reaches no one.
    await t.event(messageEvent({ channel: HANDOFF_CHANNEL, user: "USTAFF20", text: "今日の当番は山田です" }));

    // 4. Staff close it: the resident is told, the opener loses its button, a note lands in the thread.
    await t.interaction({
      type: "block_actions",
      user: { id: "USTAFF20", username: "yamada", team_id: "T0001" },
      channel: { id: HANDOFF_CHANNEL },
      container: { type: "message", message_ts: ts, channel_id: HANDOFF_CHANNEL },
      trigger_id: "trig.close",
      response_url: t.slack.responseUrl(),
      actions: [
        { type: "button", action_id: "handoff_close", block_id: "handoff", value: ticketIdOf(opener), action_ts: "1" },
      ],
    });
    await waitFor(() => pushedTexts(resident)[1]);
    expect(pushedTexts(resident)[1]).toBe(HANDOFF_MESSAGES.closedByStaff);
    const update = await waitFor(() => t.slack.callsTo("chat.update").find((c) => c.args["ts"] === ts));
    expect(JSON.stringify(update.args["blocks"])).toContain("<@USTAFF20> さんが対応を終了しました。");
    expect(JSON.stringify(update.args["blocks"])).not.toContain("handoff_close");
    expect(JSON.stringify(update.args["blocks"])).toContain("[個人番号]");

    // 5. A late staff reply is not delivered (and the staff member is told); the bot answers the resident again.
    await t.event(messageEvent({ channel: HANDOFF_CHANNEL, user: "USTAFF20", thread_ts: ts, text: "もう一点だけ" }));
    await waitFor(() => t.slack.callsTo("chat.postEphemeral").find((c) => c.args["thread_ts"] === ts));
    await fromResident([events.text(resident, "陣痛タクシーについて教えて")]);
    expect(line.replies.length).toBe(repliesBefore + 2);
    expect(JSON.stringify(line.replies.at(-1)!.messages)).toContain("陣痛タクシー");
    expect(pushedTexts(resident)).toHaveLength(2);
    expect(line.rejected).toEqual([]);
    expect(t.slack.rejected).toEqual([]);
  });

  it("shows staff the question the resident asked before asking for a person, masked", async () => {
    const resident = lineUserId();
    const earlier = "保育園の入園申込みの書類について。マイナンバー 1234-5678-9012 を書く欄がよくわかりません";
    await fromResident([events.text(resident, earlier)]);
    const before = t.slack.callsTo("chat.postMessage").length;
    await fromResident([events.text(resident, "職員と話したい")]);
    expect(line.replies.at(-1)!.messages).toEqual([{ type: "text", text: HANDOFF_MESSAGES.opened }]);
    const opener = (await t.slack.waitFor("chat.postMessage", before + 1))
      .slice(before)
      .find((c) => c.args["channel"] === HANDOFF_CHANNEL && c.args["thread_ts"] === undefined)!;
    const question = JSON.stringify(opener.args["blocks"]);
    expect(question).toContain("保育園の入園申込みの書類について");
    expect(question).toContain("[個人番号]");
    expect(question).toContain("職員と話したい");
    expect(question.indexOf("保育園")).toBeLessThan(question.indexOf("職員と話したい")); // oldest first
    expect(JSON.stringify(t.slack.callsTo("chat.postMessage"))).not.toContain("1234-5678-9012");
    expect(t.logs.text()).not.toContain("1234-5678-9012");
    expect(t.logs.text()).not.toContain("保育園の入園申込み");
  });

  it("tells the resident when Slack cannot open the thread, and the bot keeps answering", async () => {
    const resident = lineUserId();
    t.slack.failNext("chat.postMessage", "channel_not_found");
    await fromResident([events.text(resident, "職員と話したい")]);
    expect(line.replies.at(-1)!.messages).toEqual([{ type: "text", text: HANDOFF_MESSAGES.unavailable }]);
    await fromResident([events.text(resident, "陣痛タクシー")]);
    expect(JSON.stringify(line.replies.at(-1)!.messages)).toContain("陣痛タクシー");
  });
});

function ticketIdOf(opener: SlackCall): string {
  const actions = (opener.args["blocks"] as { type: string; elements?: { action_id: string; value: string }[] }[]).find(
    (b) => b.type === "actions",
  )!;
  return actions.elements!.find((e) => e.action_id === "handoff_close")!.value;
}

async function waitFor<T>(get: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}
