// The staff side of a handoff in Slack: the message that opens the thread (the resident's masked
// question, what to do, a close button), each of the resident's later messages, and the closed state.
import type { HandoffTicket } from "../../../dialogue/handoff/handoff.js";
import { LIMITS } from "../block-limits.js";
import { clip, personMrkdwn } from "../mrkdwn.js";
import { mrkdwn, plain, type KnownBlock, type SlackMessage } from "../render/block-types.js";

export const CLOSE_HANDOFF_ACTION = "handoff_close";
const CHANNEL_NAMES: Record<string, string> = { line: "LINE" };

export function handoffOpenedMessage(ticket: HandoffTicket, maskedQuestion: string, now: number): SlackMessage {
  return {
    text: `住民から職員への相談（${channelName(ticket)}）`,
    blocks: [
      { type: "header", text: plain("住民から職員への相談") },
      ...ticketFacts(ticket, now),
      {
        type: "section",
        text: mrkdwn(clip(personMrkdwn(maskedQuestion || "（質問の本文はありません）"), LIMITS.sectionText), true),
      },
      {
        type: "context",
        elements: [
          plain(
            "このスレッドに返信すると住民に届きます（個人情報は伏せて表示しています）。対応が終わったら「対応を終了」を押してください。",
          ),
        ],
      },
      {
        type: "actions",
        block_id: "handoff",
        elements: [
          {
            type: "button",
            action_id: CLOSE_HANDOFF_ACTION,
            text: plain("対応を終了"),
            style: "danger",
            value: ticket.id,
          },
        ],
      },
    ],
  };
}

export function handoffClosedMessage(ticket: HandoffTicket, maskedQuestion: string, now: number): SlackMessage {
  const how =
    ticket.closedReason === "staff" && ticket.closedBy && /^[UW][A-Z0-9]+$/.test(ticket.closedBy)
      ? `<@${ticket.closedBy}> さんが対応を終了しました。`
      : ticket.closedReason === "timeout"
        ? "やり取りがないまま時間が過ぎたため終了しました。"
        : "終了しました。";
  return {
    text: `住民からの相談（終了）`,
    blocks: [
      { type: "header", text: plain("住民から職員への相談（終了）") },
      ...ticketFacts(ticket, now),
      {
        type: "section",
        text: mrkdwn(clip(personMrkdwn(maskedQuestion || "（質問の本文はありません）"), LIMITS.sectionText), true),
      },
      { type: "context", elements: [mrkdwn(how)] },
    ],
  };
}

export function residentMessage(maskedText: string): SlackMessage {
  return {
    text: "住民からのメッセージ",
    blocks: [{ type: "section", text: mrkdwn(clip(`*住民:* ${personMrkdwn(maskedText)}`, LIMITS.sectionText), true) }],
  };
}

export function closedNote(ticket: HandoffTicket): string {
  return ticket.closedReason === "timeout"
    ? "しばらくやり取りがなかったため、この相談は終了しました。住民には自動応答に戻ると伝えました。"
    : "この相談は終了しました。住民には自動応答に戻ると伝えました。";
}

function ticketFacts(ticket: HandoffTicket, now: number): KnownBlock[] {
  const fields = [
    mrkdwn(`*チャネル*\n${channelName(ticket)}`),
    mrkdwn(`*受付*\n${jst(ticket.openedAt || now)}`),
    mrkdwn(`*受付番号*\n${ticket.id.slice(0, 8)}`),
  ];
  if (ticket.resident.municipality) fields.push(mrkdwn(`*自治体*\n${personMrkdwn(ticket.resident.municipality)}`));
  return [{ type: "section", fields }];
}

function channelName(ticket: HandoffTicket): string {
  const base = ticket.resident.channel.split("/")[0] ?? ticket.resident.channel;
  return CHANNEL_NAMES[base] ?? personMrkdwn(base);
}

function jst(ms: number): string {
  const d = new Date(ms + 9 * 3600_000);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()} ${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
}
