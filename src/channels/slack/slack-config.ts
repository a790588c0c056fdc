// The Slack channel's settings, read once from an injectable environment. The channel is on when both
// SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are set; one without the other is a mistake worth stopping for.
import { readApproverConfig, type ApproverConfig } from "./staff/slack-approvers.js";

type Env = Readonly<Record<string, string | undefined>>;

export interface SlackConfig {
  signingSecret: string;
  botToken: string;
  /** SLACK_API_URL: the Web API base URL (tests point it at the fake); Slack's own when unset. */
  apiUrl: string | undefined;
  /** SLACK_APP_TOKEN (xapp-…): connect by Socket Mode instead of receiving HTTP requests. */
  appToken: string | undefined;
  /** SLACK_HANDOFF_CHANNEL: the channel id where handoffs from residents open threads. */
  handoffChannel: string | undefined;
  /** SLACK_HANDOFF_TIMEOUT_MINUTES (default 30): an idle handoff closes after this long. */
  handoffTimeoutMinutes: number;
  /** SLACK_COMMAND (default /madoguchi): the slash command's name as configured in the Slack app. */
  command: string;
  /** MADOGUCHI_MUNICIPALITY: the lookups' default municipality filter (none: every municipality). */
  municipality: string | undefined;
  /** SLACK_STAFF_APPROVERS (user ids) and SLACK_STAFF_APPROVER_GROUP (a user group id): who may approve drafts. */
  approvers: ApproverConfig;
}

export class SlackConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = "SlackConfigError";
  }
}

/** The configuration, or undefined when Slack is not configured at all. */
export function readSlackConfig(env: Env): SlackConfig | undefined {
  const signingSecret = env["SLACK_SIGNING_SECRET"]?.trim();
  const botToken = env["SLACK_BOT_TOKEN"]?.trim();
  if (!signingSecret && !botToken) return undefined;
  if (!signingSecret) throw new SlackConfigError("SLACK_SIGNING_SECRET", "is required when SLACK_BOT_TOKEN is set");
  if (!botToken) throw new SlackConfigError("SLACK_BOT_TOKEN", "is required when SLACK_SIGNING_SECRET is set");
  const apiUrl = env["SLACK_API_URL"]?.trim() || undefined;
  if (apiUrl && !/^https?:\/\//.test(apiUrl))
    throw new SlackConfigError("SLACK_API_URL", "must be an http(s) URL, e.g. https://slack.com/api/");
  const command = env["SLACK_COMMAND"]?.trim() || "/madoguchi";
  if (!/^\/[\w-]{1,31}$/.test(command))
    throw new SlackConfigError("SLACK_COMMAND", "must be a slash command name such as /madoguchi");
  return {
    signingSecret,
    botToken,
    apiUrl,
    appToken: env["SLACK_APP_TOKEN"]?.trim() || undefined,
    handoffChannel: env["SLACK_HANDOFF_CHANNEL"]?.trim() || undefined,
    handoffTimeoutMinutes: minutes(env["SLACK_HANDOFF_TIMEOUT_MINUTES"]),
    command,
    municipality: env["MADOGUCHI_MUNICIPALITY"]?.trim() || undefined,
    approvers: readApproverConfig(env),
  };
}

function minutes(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return 30;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 7 * 24 * 60)
    throw new SlackConfigError("SLACK_HANDOFF_TIMEOUT_MINUTES", "must be a whole number of minutes from 1 to 10080");
  return n;
}
