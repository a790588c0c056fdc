// Slack requests as Slack sends them: an Events API app_mention, a slash command, signed with the signing
// secret over `v0:{timestamp}:{raw body}`.
import { randomBytes } from "node:crypto";
import { signSlackBody } from "../../src/channels/slack/verify-signature.js";

export interface SlackTarget {
  /** http://127.0.0.1:port/slack/events */
  url: string;
  secret: string;
}

let seq = 0;

export function slackEventId(): string {
  return `Ev${randomBytes(5).toString("hex").toUpperCase()}`;
}

/** An app_mention event body; answers go into the thread `ts`. */
export function appMentionBody(text: string, eventId = slackEventId()): { body: string; eventId: string; ts: string } {
  const ts = `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, "0")}`;
  const event = {
    type: "app_mention",
    user: "USTAFF01",
    text: `<@UBOT0001> ${text}`,
    ts,
    event_ts: ts,
    channel: "CLOOKUP01",
    channel_type: "channel",
  };
  const body = JSON.stringify({
    token: "legacy",
    team_id: "T0001",
    api_app_id: "A0001",
    type: "event_callback",
    event,
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: "T0001", user_id: "UBOT0001", is_bot: true }],
  });
  return { body, eventId, ts };
}

export function slashCommandBody(text: string, responseUrl: string, user = "USTAFF01"): string {
  return new URLSearchParams({
    token: "legacy",
    team_id: "T0001",
    team_domain: "city",
    channel_id: "CLOOKUP01",
    channel_name: "kosodate",
    user_id: user,
    user_name: "staff",
    command: "/madoguchi",
    text,
    api_app_id: "A0001",
    response_url: responseUrl,
    trigger_id: `trig.${randomBytes(4).toString("hex")}`,
  }).toString();
}

/** Headers for a Slack request signed at `timestamp` (Unix seconds, default now). */
export function slackHeaders(
  secret: string,
  body: string | Buffer,
  contentType: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const ts = String(timestamp);
  return {
    "content-type": contentType,
    "x-slack-request-timestamp": ts,
    "x-slack-signature": signSlackBody(secret, ts, body),
  };
}
