// The real server (startServer) with the Slack channel pointed at the fake Slack Web API on 127.0.0.1,
// and requests signed the way Slack signs them: events (JSON), slash commands (form fields) and
// interactivity (a form field `payload` holding JSON).
import { randomBytes } from "node:crypto";
import { FakeSlackApi } from "../fakes/slack-api.js";
import { startServer, type RunningServer } from "../../src/server/start-server.js";
import { readServerConfig } from "../../src/config/server-config.js";
import type { ChannelFactory } from "../../src/channels/channel-context.js";
import { webChannel } from "../../src/channels/web/index.js";
import { slackChannel } from "../../src/channels/slack/index.js";
import { signSlackBody } from "../../src/channels/slack/verify-signature.js";
import { captureLogs, type LogCapture } from "../server/support/log-capture.js";
import { slashCommandBody } from "../fakes/slack-requests.js";

export const SIGNING_SECRET = "test-slack-signing-secret-0123456789abcdef";
export const BOT_TOKEN = "xoxb-test-bot-token";
export const TEAM = "T0001";
export const HANDOFF_CHANNEL = "CHANDOFF01";

export interface SignedPost {
  body: string;
  contentType: "application/json" | "application/x-www-form-urlencoded";
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Replaces the computed signature (forgeries); null sends none. */
  signature?: string | null;
  headers?: Record<string, string>;
}

export interface SlackTestServer {
  server: RunningServer;
  slack: FakeSlackApi;
  logs: LogCapture;
  eventsUrl: string;
  post(req: SignedPost): Promise<Response>;
  command(text: string, user?: string): Promise<{ response: Response; responseUrl: string }>;
  event(event: Record<string, unknown>, options?: { eventId?: string; retryNum?: number }): Promise<Response>;
  interaction(payload: Record<string, unknown>): Promise<Response>;
  close(): Promise<void>;
}

export async function startSlackTestServer(
  env: Record<string, string> = {},
  extraChannels: ChannelFactory[] = [],
): Promise<SlackTestServer> {
  const slack = await FakeSlackApi.start({ botToken: BOT_TOKEN });
  const logs = captureLogs();
  const config = readServerConfig({
    HOST: "127.0.0.1",
    PORT: "0",
    MADOGUCHI_WATCH: "off",
    LOG_LEVEL: "info",
    MADOGUCHI_STATE_DIR: "memory",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    ...env,
  });
  const server = await startServer({
    config,
    logDestination: logs.destination,
    channels: [webChannel, ...extraChannels, slackChannel],
  });
  const eventsUrl = `${server.url}/slack/events`;
  const post = (req: SignedPost) => {
    const ts = String(req.timestamp ?? Math.floor(Date.now() / 1000));
    const signature = req.signature === undefined ? signSlackBody(SIGNING_SECRET, ts, req.body) : req.signature;
    const headers: Record<string, string> = {
      "content-type": req.contentType,
      "x-slack-request-timestamp": ts,
      ...req.headers,
    };
    if (signature !== null) headers["x-slack-signature"] = signature;
    return server.request(eventsUrl, { method: "POST", headers, body: req.body });
  };
  return {
    server,
    slack,
    logs,
    eventsUrl,
    post,
    async command(text, user = "USTAFF01") {
      const responseUrl = slack.responseUrl();
      const body = slashCommandBody(text, responseUrl, user);
      return {
        response: await post({ body, contentType: "application/x-www-form-urlencoded" }),
        responseUrl,
      };
    },
    event(event, options = {}) {
      const body = JSON.stringify({
        token: "legacy",
        team_id: TEAM,
        api_app_id: "A0001",
        type: "event_callback",
        event,
        event_id: options.eventId ?? `Ev${randomBytes(6).toString("hex").toUpperCase()}`,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [{ team_id: TEAM, user_id: slack.botUserId, is_bot: true }],
      });
      const headers: Record<string, string> = options.retryNum
        ? { "x-slack-retry-num": String(options.retryNum), "x-slack-retry-reason": "http_timeout" }
        : {};
      return post({ body, contentType: "application/json", headers });
    },
    interaction(payload) {
      const form = new URLSearchParams({
        payload: JSON.stringify({
          team: { id: TEAM, domain: "city" },
          api_app_id: "A0001",
          token: "legacy",
          ...payload,
        }),
      });
      return post({ body: form.toString(), contentType: "application/x-www-form-urlencoded" });
    },
    close: async () => {
      await server.close();
      await slack.close();
    },
  };
}

/** A message event as Slack sends it. */
export function messageEvent(fields: {
  channel: string;
  user: string;
  text: string;
  ts?: string;
  thread_ts?: string;
  channel_type?: string;
}): Record<string, unknown> {
  return {
    type: "message",
    channel_type: "channel",
    ts: fields.ts ?? nextTs(),
    event_ts: fields.ts ?? nextTs(),
    ...fields,
  };
}

let tsSeq = 0;
export function nextTs(): string {
  return `${Math.floor(Date.now() / 1000)}.${String(++tsSeq).padStart(6, "0")}`;
}
