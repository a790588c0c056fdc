// The handoff's staff desk in Slack (StaffDesk of src/dialogue/handoff): a thread per ticket in
// SLACK_HANDOFF_CHANNEL, the resident's messages posted into it, and the opening message replaced when the
// ticket closes. Called from the resident's channel, outside any Slack event, so it has its own client.
import type { webApi } from "@slack/bolt";
import type { HandoffTicket, StaffDesk, ThreadRef } from "../../../dialogue/handoff/handoff.js";
import { closedNote, handoffClosedMessage, handoffOpenedMessage, residentMessage } from "./handoff-blocks.js";

export class SlackStaffDesk implements StaffDesk {
  constructor(
    private readonly client: webApi.WebClient,
    readonly channel: string,
    private readonly now: () => number = Date.now,
  ) {}

  async openThread(ticket: HandoffTicket, maskedQuestion: string): Promise<ThreadRef> {
    const r = await this.client.chat.postMessage({
      channel: this.channel,
      ...handoffOpenedMessage(ticket, maskedQuestion, this.now()),
    });
    if (!r.ok || !r.ts || !r.channel) throw new Error(`chat.postMessage failed: ${r.error ?? "no ts"}`);
    return { channel: r.channel, ts: r.ts };
  }

  async postToThread(ticket: HandoffTicket, maskedText: string): Promise<void> {
    if (!ticket.thread) throw new Error(`ticket ${ticket.id} has no thread yet`);
    await this.client.chat.postMessage({
      channel: ticket.thread.channel,
      thread_ts: ticket.thread.ts,
      ...residentMessage(maskedText),
    });
  }

  async noteClosed(ticket: HandoffTicket): Promise<void> {
    if (!ticket.thread) return;
    await this.client.chat.update({
      channel: ticket.thread.channel,
      ts: ticket.thread.ts,
      ...handoffClosedMessage(ticket, ticket.question ?? "", this.now()),
    });
    await this.client.chat.postMessage({
      channel: ticket.thread.channel,
      thread_ts: ticket.thread.ts,
      text: closedNote(ticket),
    });
  }
}
