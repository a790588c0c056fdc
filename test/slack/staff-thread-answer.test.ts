// A staff reply in a handoff thread can become the bot's answer: the member of staff who replied (only
// they) gets 「回答を登録」, which opens the answer modal with the resident's question and their reply.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lineUserId } from "../line/line-events.js";
import { startLineAndSlack, type LineAndSlack } from "./line-and-slack.js";
import { messageEvent, HANDOFF_CHANNEL } from "./slack-test-server.js";

let both: LineAndSlack;
beforeAll(async () => {
  both = await startLineAndSlack("thread-answer-line-secret-0123456789", "thread-answer-line-token");
});
afterAll(async () => {
  await both.close();
});

describe("「回答を登録」 in a handoff thread", () => {
  it("is offered to the staff member after their reply, and opens the modal with the question and the reply", async () => {
    const { t, events } = both;
    const resident = lineUserId();
    await both.fromResident([events.text(resident, "児童手当の振込日を知りたいです")]);
    await both.fromResident([events.text(resident, "職員と話したいです")]);
    const opener = (await t.slack.waitFor("chat.postMessage")).find(
      (c) => c.args["channel"] === HANDOFF_CHANNEL && c.args["thread_ts"] === undefined,
    )!;
    const ts = String(opener.result!["ts"]);

    const reply = "児童手当は偶数月の15日に振り込みます。";
    await t.event(messageEvent({ channel: HANDOFF_CHANNEL, user: "USTAFF30", thread_ts: ts, text: reply }));
    const offer = (await t.slack.waitFor("chat.postEphemeral")).find((c) => c.args["thread_ts"] === ts)!;
    expect(offer.args["user"]).toBe("USTAFF30");
    const blocks = offer.args["blocks"] as { type: string; elements?: { action_id: string; value: string }[] }[];
    const buttonEl = blocks.find((b) => b.type === "actions")!.elements![0]!;
    expect(buttonEl.action_id).toBe("answer_from_thread");

    const opens = t.slack.callsTo("views.open").length;
    await t.interaction({
      type: "block_actions",
      user: { id: "USTAFF30", username: "staff30", team_id: "T0001" },
      container: { type: "message", channel_id: HANDOFF_CHANNEL, message_ts: ts },
      trigger_id: "trig.thread",
      channel: { id: HANDOFF_CHANNEL },
      actions: [
        { type: "button", action_id: "answer_from_thread", block_id: "b", value: buttonEl.value, action_ts: "1" },
      ],
    });
    const modal = JSON.stringify((await t.slack.waitFor("views.open", opens + 1))[opens]!.args["view"]);
    expect(modal).toContain("staff_answer");
    expect(modal).toContain("児童手当の振込日を知りたいです");
    expect(modal).toContain(reply);
    expect(t.slack.rejected).toEqual([]);
  });
});
