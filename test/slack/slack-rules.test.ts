// The rules every Slack request and message keeps, checked against the real server and the fake Slack API:
// signatures (stale, future, forged, unsigned → 401, nothing echoed), malformed bodies (4xx, server keeps
// serving), retries handled once, person text never becoming a mention or link, and Block Kit's limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startSlackTestServer,
  messageEvent,
  nextTs,
  SIGNING_SECRET,
  type SlackTestServer,
} from "./slack-test-server.js";
import { signSlackBody } from "../../src/channels/slack/verify-signature.js";
import { INJECTION_STRINGS, mentionsAndLinks, mentionsAndLinksInText, textObjects } from "./injection.js";

let t: SlackTestServer;

beforeAll(async () => {
  t = await startSlackTestServer();
});

afterAll(async () => {
  await t.close();
});

const now = () => Math.floor(Date.now() / 1000);
const commandBody = (text: string) =>
  new URLSearchParams({
    command: "/madoguchi",
    text,
    user_id: "USTAFF09",
    team_id: "T0001",
    channel_id: "C1",
    response_url: t.slack.responseUrl(),
  }).toString();
const form = "application/x-www-form-urlencoded" as const;

describe("signatures", () => {
  const rows: {
    name: string;
    make: (body: string) => { timestamp?: number; signature?: string | null; body?: string };
  }[] = [
    {
      name: "301 s old",
      make: (body) => ({ timestamp: now() - 301, signature: signSlackBody(SIGNING_SECRET, String(now() - 301), body) }),
    },
    {
      name: "301 s in the future",
      make: (body) => ({ timestamp: now() + 301, signature: signSlackBody(SIGNING_SECRET, String(now() + 301), body) }),
    },
    {
      name: "a day old replay",
      make: (body) => ({
        timestamp: now() - 86_400,
        signature: signSlackBody(SIGNING_SECRET, String(now() - 86_400), body),
      }),
    },
    {
      name: "forged with another secret",
      make: (body) => ({ signature: signSlackBody("guessed-secret", String(now()), body) }),
    },
    { name: "unsigned", make: () => ({ signature: null }) },
    { name: "empty signature", make: () => ({ signature: "" }) },
    {
      name: "unknown version",
      make: (body) => ({ signature: signSlackBody(SIGNING_SECRET, String(now()), body).replace("v0=", "v1=") }),
    },
    {
      name: "body changed after signing",
      make: (body) => ({
        signature: signSlackBody(SIGNING_SECRET, String(now()), body),
        body: body.replace("USTAFF09", "UADMIN01"),
      }),
    },
  ];

  it.each(rows)("$name → 401 with a fixed body, and nothing reaches Slack", async ({ make }) => {
    const before = t.slack.calls.length;
    const body = commandBody("児童手当 <!channel>");
    const forged = make(body);
    const response = await t.post({
      body: forged.body ?? body,
      contentType: form,
      timestamp: forged.timestamp,
      signature: forged.signature,
    });
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).toBe("invalid signature");
    await t.server.idle();
    expect(t.slack.calls.length).toBe(before);
  });

  it("answers Slack's URL verification when signed", async () => {
    const response = await t.post({
      body: JSON.stringify({
        type: "url_verification",
        challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
        token: "x",
      }),
      contentType: "application/json",
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
  });
});

describe("malformed bodies", () => {
  it.each([
    ["JSON cut short", '{"type":"event_callback","event":{"type":"app_mention"', "application/json"],
    ["not an object", "[1,2,3]", "application/json"],
    ["invalid UTF-8", Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]).toString("latin1"), "application/json"],
    ["payload that is not JSON", "payload=%7Bnot-json", form],
  ] as const)("%s, correctly signed → 400, and the server keeps serving", async (_name, body, contentType) => {
    const raw = Buffer.from(body, "latin1");
    const ts = String(now());
    const response = await t.server.request(t.eventsUrl, {
      method: "POST",
      headers: {
        "content-type": contentType,
        "x-slack-request-timestamp": ts,
        "x-slack-signature": signSlackBody(SIGNING_SECRET, ts, raw),
      },
      body: raw,
    });
    expect(response.status).toBe(400);
    const health = await t.server.request(`/healthz`);
    expect(health.status).toBe(200);
  });
});

describe("events that name no channel", () => {
  it.each([
    ["a mention", { type: "app_mention", user: "USTAFF20", text: "<@UBOT0001> 児童手当", ts: "1700000000.000100" }],
    [
      "a direct message",
      { type: "message", channel_type: "im", user: "USTAFF21", text: "児童手当", ts: "1700000000.000200" },
    ],
  ])(
    "%s without a channel is acknowledged and answered nowhere (no chat.postMessage Slack would refuse)",
    async (_name, event) => {
      const before = t.slack.calls.length;
      const rejectedBefore = t.slack.rejected.length;
      const response = await t.event(event);
      expect(response.status).toBe(200);
      await t.server.idle();
      expect(t.slack.calls.slice(before).filter((c) => c.method === "chat.postMessage")).toEqual([]);
      expect(t.slack.rejected.slice(rejectedBefore)).toEqual([]);
      // and the same question with its channel is answered
      const ok = await t.event({ ...event, channel: "DNOCHAN01" });
      expect(ok.status).toBe(200);
      await t.server.idle();
      expect(
        t.slack.callsTo("chat.postMessage").filter((c) => c.args["channel"] === "DNOCHAN01").length,
      ).toBeGreaterThan(0);
    },
  );
});

describe("retries", () => {
  it("handles an event once when Slack retries it", async () => {
    const event = {
      ...messageEvent({ channel: "DRETRY01", user: "USTAFF10", text: "陣痛タクシー", channel_type: "im" }),
    };
    const first = await t.event(event, { eventId: "EvRETRY0001" });
    const retry = await t.event(event, { eventId: "EvRETRY0001", retryNum: 1 });
    const again = await t.event(event, { eventId: "EvRETRY0001", retryNum: 2 });
    expect([first.status, retry.status, again.status]).toEqual([200, 200, 200]);
    await t.server.idle(); // every listener the three deliveries started has finished
    expect(t.slack.callsTo("chat.postMessage").filter((c) => c.args["channel"] === "DRETRY01")).toHaveLength(1);
  });

  it("answers ten concurrent copies of one event once", async () => {
    const event = {
      ...messageEvent({ channel: "DRETRY02", user: "USTAFF11", text: "不妊治療", channel_type: "im" }),
      type: "message",
    };
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.event(event, { eventId: "EvCONCURRENT01", retryNum: i === 0 ? undefined : 1 }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    await t.server.idle();
    expect(t.slack.callsTo("chat.postMessage").filter((c) => c.args["channel"] === "DRETRY02")).toHaveLength(1);
    const metrics = await (await t.server.request(`/metrics`)).text();
    expect(metrics).toMatch(/madoguchi_duplicate_deliveries_dropped_total\{channel="slack"\} (\d+)/);
    expect(
      Number(/madoguchi_duplicate_deliveries_dropped_total\{channel="slack"\} (\d+)/.exec(metrics)![1]),
    ).toBeGreaterThanOrEqual(9 + 2);
  });
});

describe("person text never becomes a mention or link", () => {
  it(`for ${INJECTION_STRINGS.length} injection strings, in slash commands, mentions and DMs`, async () => {
    expect(INJECTION_STRINGS.length).toBeGreaterThanOrEqual(30);
    for (const attack of INJECTION_STRINGS) {
      const { responseUrl } = await t.command(attack);
      const id = responseUrl.split("/").pop();
      await t.event({ ...messageEvent({ channel: "DINJECT1", user: "USTAFF12", text: attack, channel_type: "im" }) });
      await t.event({
        ...messageEvent({
          channel: "CINJECT1",
          user: "USTAFF12",
          text: `<@${t.slack.botUserId}> ${attack}`,
          ts: nextTs(),
        }),
        type: "app_mention",
      });
      await waitUntil(() => t.slack.callsTo("response_url").some((c) => c.args["__url"] === id));
    }
    await waitUntil(
      () =>
        t.slack
          .callsTo("chat.postMessage")
          .filter((c) => c.args["channel"] === "DINJECT1" || c.args["channel"] === "CINJECT1").length >=
        INJECTION_STRINGS.length * 2,
    );
    const answers = t.slack.calls.filter(
      (c) => c.method === "response_url" || c.args["channel"] === "DINJECT1" || c.args["channel"] === "CINJECT1",
    );
    expect(answers.length).toBeGreaterThanOrEqual(INJECTION_STRINGS.length * 3);
    for (const answer of answers) {
      for (const { path, obj } of textObjects(answer.args["blocks"]))
        expect(mentionsAndLinks(obj), `${answer.method}${path}: ${obj.text}`).toEqual([]);
      if (typeof answer.args["text"] === "string")
        expect(mentionsAndLinksInText(answer.args["text"]), `${answer.method} text`).toEqual([]);
    }
  });
});

describe("every message within Block Kit's limits", () => {
  it("the fake refused nothing in this whole run", () => {
    expect(t.slack.rejected).toEqual([]);
  });

  it("logs no question text (masked or not) from Slack requests", async () => {
    const { responseUrl } = await t.command("090-1234-5678 と 1234 5678 9012 と taro@example.jp の児童手当");
    const id = responseUrl.split("/").pop();
    await waitUntil(() => t.slack.callsTo("response_url").some((c) => c.args["__url"] === id));
    const logs = t.logs.text();
    expect(logs).toContain("/slack/events");
    for (const secret of ["090-1234-5678", "1234 5678 9012", "taro@example.jp", SIGNING_SECRET, "xoxb-test-bot-token"])
      expect(logs).not.toContain(secret);
  });
});

async function waitUntil(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}
