// After a member of staff replies in a handoff thread, they alone see 「回答を登録」: their reply to the
// resident can become the bot's answer next time. The button carries the ticket (for the question, looked
// up on the server) and the reply, to prefill the answer modal.
import { LIMITS } from "../block-limits.js";
import { mrkdwn, plain, type SlackMessage } from "../render/block-types.js";

export const ANSWER_FROM_THREAD_ACTION = "answer_from_thread";
const REPLY_CHARS = 1500;

export interface ThreadAnswerValue {
  t: string;
  a: string;
}

export function answerFromThreadMessage(ticketId: string, reply: string): SlackMessage {
  const value: ThreadAnswerValue = { t: ticketId, a: [...reply].slice(0, REPLY_CHARS).join("") };
  return {
    text: "この返信をボットの回答として登録できます",
    blocks: [
      {
        type: "section",
        text: mrkdwn("同じ質問に次からボットが答えられるよう、この返信を回答として登録できます（承認後に公開）。"),
      },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: ANSWER_FROM_THREAD_ACTION,
            text: plain("回答を登録"),
            value: JSON.stringify(value).slice(0, LIMITS.buttonValue),
          },
        ],
      },
    ],
  };
}

export function readThreadAnswerValue(value: string | undefined): ThreadAnswerValue | undefined {
  try {
    const v = JSON.parse(value ?? "") as Partial<ThreadAnswerValue>;
    return typeof v.t === "string" && typeof v.a === "string" ? { t: v.t, a: v.a } : undefined;
  } catch {
    return undefined;
  }
}
