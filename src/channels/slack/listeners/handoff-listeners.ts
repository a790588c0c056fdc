// Staff replies in a handoff thread go to the resident; the close button ends the handoff. A reply that
// mentions the bot is a lookup addressed to the bot (answered by the mention listener), not to the resident.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { HandoffService } from "../../../dialogue/handoff/handoff-service.js";
import { CLOSE_HANDOFF_ACTION } from "../handoff/handoff-blocks.js";
import { answerFromThreadMessage } from "../staff/thread-answer.js";
import { slackToPlainText } from "../slack-text.js";
import type { SlackLog } from "../slack-deps.js";

interface ThreadMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
  text?: string;
}

export function registerHandoffListeners(
  app: App,
  handoff: HandoffService,
  handoffChannel: string,
  log: SlackLog,
  options: { answerButton?: boolean } = {},
): void {
  app.event("message", async ({ event, context, client }) => {
    const m = event as ThreadMessage;
    if (m.channel !== handoffChannel || !m.thread_ts || m.thread_ts === m.ts || !m.user || m.bot_id) return;
    if ((m.subtype !== undefined && m.subtype !== "thread_broadcast") || !m.text?.trim()) return;
    if (context.botUserId && m.text.includes(`<@${context.botUserId}`)) return;
    const outcome = await handoff.relayFromStaff({ channel: m.channel, ts: m.thread_ts }, slackToPlainText(m.text));
    log.info({ thread: m.thread_ts, outcome, length: m.text.length }, "slack: staff reply in a handoff thread");
    if (outcome === "closed") {
      await client.chat.postEphemeral({
        channel: m.channel,
        user: m.user,
        thread_ts: m.thread_ts,
        text: "この相談は終了しているため、住民には届いていません。",
      });
    } else if (outcome === "sent" && options.answerButton) {
      // Only the member of staff who replied sees it: their reply can become the answer next time.
      const ticket = await handoff.ticketOfThread({ channel: m.channel, ts: m.thread_ts });
      if (ticket)
        await client.chat.postEphemeral({
          channel: m.channel,
          user: m.user,
          thread_ts: m.thread_ts,
          ...answerFromThreadMessage(ticket, slackToPlainText(m.text)),
        });
    } else if (outcome === "failed") {
      await client.chat.postMessage({
        channel: m.channel,
        thread_ts: m.thread_ts,
        text: ":warning: いまの返信を住民に届けられませんでした。少し待ってもう一度送ってください。",
      });
    }
  });

  app.action<BlockAction<ButtonAction>>(CLOSE_HANDOFF_ACTION, async ({ ack, body, action }) => {
    await ack();
    const closed = await handoff.closeByStaff(action.value ?? "", body.user.id);
    log.info({ ticket: action.value, closed }, "slack: handoff closed by staff");
  });
}
