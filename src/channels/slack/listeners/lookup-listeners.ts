// Where lookups come from: the slash command (answered only to the asker, via response_url), mentions
// (answered in a thread under the mention) and direct messages. Each listener acks first, then works.
import type { App } from "@slack/bolt";
import type { SlackLookup } from "../slack-lookup.js";
import { slackToPlainText, withoutMentionOf } from "../slack-text.js";
import type { SlackConfig } from "../slack-config.js";

export function registerLookupListeners(app: App, lookup: SlackLookup, config: SlackConfig): void {
  app.command(config.command, async ({ command, ack, respond }) => {
    await ack();
    const q = slackToPlainText(command.text).trim();
    const who = { team: command.team_id, user: command.user_id };
    const message = q
      ? await lookup
          .words(who, { q, m: config.municipality }, { shareable: true, standalone: true })
          .catch((e: unknown) => lookup.failed(e))
      : lookup.usage();
    await respond({ response_type: "ephemeral", ...message });
  });

  app.event("app_mention", async ({ event, context, client }) => {
    // Slack always names the channel; a body without one (a malformed or forged-but-signed event) has
    // nowhere to be answered, and a chat.postMessage without a channel would only be refused.
    if (!isChannelId(event.channel) || typeof event.text !== "string") return;
    const q = slackToPlainText(withoutMentionOf(context.botUserId, event.text)).trim();
    if (!q || !event.user) return;
    const message = await lookup
      .words({ team: context.teamId, user: event.user }, { q, m: config.municipality })
      .catch((e: unknown) => lookup.failed(e));
    await client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts ?? event.ts, ...message });
  });

  app.event("message", async ({ event, context, client }) => {
    const m = event as {
      channel_type?: string;
      subtype?: string;
      bot_id?: string;
      user?: string;
      text?: string;
      channel: string;
    };
    if (m.channel_type !== "im" || m.subtype !== undefined || m.bot_id || !m.user || !m.text) return;
    if (!isChannelId(m.channel) || typeof m.text !== "string") return;
    const q = slackToPlainText(withoutMentionOf(context.botUserId, m.text)).trim();
    if (!q) return;
    const message = await lookup
      .words({ team: context.teamId, user: m.user }, { q, m: config.municipality })
      .catch((e: unknown) => lookup.failed(e));
    await client.chat.postMessage({ channel: m.channel, ...message });
  });
}

function isChannelId(channel: unknown): channel is string {
  return typeof channel === "string" && channel.length > 0;
}
