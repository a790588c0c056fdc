// Reading the Slack settings, and what they turn on: the HTTP route, or Socket Mode with SLACK_APP_TOKEN.
import { describe, expect, it } from "vitest";
import { readSlackConfig, SlackConfigError } from "../../src/channels/slack/slack-config.js";
import { createSlackChannel } from "../../src/channels/slack/slack-channel.js";
import type { SlackDeps } from "../../src/channels/slack/slack-deps.js";
import type { KnowledgeBase } from "../../src/knowledge/knowledge-base.js";

const base = { SLACK_SIGNING_SECRET: "s3cret", SLACK_BOT_TOKEN: "xoxb-1" };

describe("readSlackConfig", () => {
  it("is off when neither the secret nor the token is set", () => {
    expect(readSlackConfig({})).toBeUndefined();
  });

  it("reads every variable", () => {
    const config = readSlackConfig({
      ...base,
      SLACK_API_URL: "http://127.0.0.1:9/api/",
      SLACK_APP_TOKEN: "xapp-1",
      SLACK_HANDOFF_CHANNEL: "C123",
      SLACK_HANDOFF_TIMEOUT_MINUTES: "45",
      SLACK_COMMAND: "/soudan",
      MADOGUCHI_MUNICIPALITY: "伊万里市",
      SLACK_STAFF_APPROVERS: "U1, U2",
      SLACK_STAFF_APPROVER_GROUP: "S9",
    });
    expect(config).toEqual({
      signingSecret: "s3cret",
      botToken: "xoxb-1",
      apiUrl: "http://127.0.0.1:9/api/",
      appToken: "xapp-1",
      handoffChannel: "C123",
      handoffTimeoutMinutes: 45,
      command: "/soudan",
      municipality: "伊万里市",
      approvers: { ids: new Set(["U1", "U2"]), group: "S9" },
    });
  });

  it.each([
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_SIGNING_SECRET"],
    [{ SLACK_SIGNING_SECRET: "s" }, "SLACK_BOT_TOKEN"],
    [{ ...base, SLACK_API_URL: "slack.com/api" }, "SLACK_API_URL"],
    [{ ...base, SLACK_COMMAND: "madoguchi" }, "SLACK_COMMAND"],
    [{ ...base, SLACK_HANDOFF_TIMEOUT_MINUTES: "0" }, "SLACK_HANDOFF_TIMEOUT_MINUTES"],
    [{ ...base, SLACK_HANDOFF_TIMEOUT_MINUTES: "half an hour" }, "SLACK_HANDOFF_TIMEOUT_MINUTES"],
  ])("refuses %j, naming %s", (env, variable) => {
    expect(() => readSlackConfig(env)).toThrow(SlackConfigError);
    expect(() => readSlackConfig(env)).toThrow(new RegExp(`^${variable}: `));
  });
});

describe("createSlackChannel", () => {
  const deps: SlackDeps = {
    engine: {
      respond: async () => {
        throw new Error("not called");
      },
    },
    knowledge: () => ({ municipalities: [] }) as unknown as KnowledgeBase,
    mask: (s) => s,
    log: { debug() {}, info() {}, warn() {}, error() {} },
  };

  it("receives over HTTP without SLACK_APP_TOKEN", () => {
    const channel = createSlackChannel(readSlackConfig(base)!, deps);
    expect(channel.receiver).toBeDefined();
  });

  it("uses Socket Mode with SLACK_APP_TOKEN (no HTTP route)", () => {
    const channel = createSlackChannel(readSlackConfig({ ...base, SLACK_APP_TOKEN: "xapp-1-A0-0-abc" })!, deps);
    expect(channel.receiver).toBeUndefined();
    const receiver = (channel.app as unknown as { receiver: object }).receiver; // private in Bolt's types
    expect(receiver.constructor.name).toBe("SocketModeReceiver");
  });
});
