// The receiver answers Slack within its 3 seconds whatever the listeners do: on the first ack, with an
// empty 200 when nothing acks in time, and at once when processing ends without an ack.
import { describe, expect, it } from "vitest";
import type { App, ReceiverEvent } from "@slack/bolt";
import { SlackRouteReceiver } from "../../src/channels/slack/route-receiver.js";
import { signSlackBody } from "../../src/channels/slack/verify-signature.js";
import type { RouteRequest } from "../../src/channels/http/route.js";

const SECRET = "receiver-test-secret";

function signedRequest(body: string, contentType = "application/json"): RouteRequest {
  const ts = String(Math.floor(Date.now() / 1000));
  return {
    method: "POST",
    path: "/slack/events",
    query: new URLSearchParams(),
    params: {},
    id: "r1",
    route: "/slack/events",
    logFields: {},
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": ts,
      "x-slack-signature": signSlackBody(SECRET, ts, body),
    },
    body: Buffer.from(body),
  };
}

function receiverWith(processEvent: (e: ReceiverEvent) => Promise<void>, ackTimeoutMs = 50) {
  const receiver = new SlackRouteReceiver({ signingSecret: SECRET, ackTimeoutMs });
  receiver.init({ processEvent } as unknown as App);
  return receiver;
}

const command = "command=%2Fmadoguchi&text=%E5%85%90%E7%AB%A5%E6%89%8B%E5%BD%93&user_id=U1";

describe("SlackRouteReceiver", () => {
  it("answers with what the listener acks (a slash command's ack body)", async () => {
    const receiver = receiverWith(async (e) => {
      await e.ack({ response_type: "ephemeral", text: "ok" });
    });
    const res = await receiver.handle(signedRequest(command, "application/x-www-form-urlencoded"));
    expect(res.status).toBe(200);
    expect(JSON.parse(String(res.body))).toEqual({ response_type: "ephemeral", text: "ok" });
  });

  it("answers an empty 200 when nothing acks in time, while the work goes on", async () => {
    let finish!: () => void;
    const receiver = receiverWith(
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    );
    const res = await receiver.handle(signedRequest(command, "application/x-www-form-urlencoded"));
    expect(res).toEqual({ status: 200 });
    finish();
  });

  it("answers at once when processing ends without an ack (no listener matched)", async () => {
    const receiver = receiverWith(async () => {}, 60_000);
    expect(
      await receiver.handle(
        signedRequest('{"type":"event_callback","event_id":"Ev1","event":{"type":"reaction_added"}}'),
      ),
    ).toEqual({ status: 200 });
  });

  it("hands Bolt the parsed body and Slack's retry markers", async () => {
    let seen: ReceiverEvent | undefined;
    const receiver = receiverWith(async (e) => {
      seen = e;
      await e.ack();
    });
    const req = signedRequest('{"type":"event_callback","event_id":"Ev2","event":{"type":"app_mention"}}');
    req.headers["x-slack-retry-num"] = "2";
    req.headers["x-slack-retry-reason"] = "http_timeout";
    await receiver.handle(req);
    expect(seen?.body["event_id"]).toBe("Ev2");
    expect([seen?.retryNum, seen?.retryReason]).toEqual([2, "http_timeout"]);
    expect(req.logFields).toMatchObject({ slackType: "event:app_mention", slackRetry: "2" });
  });

  it("parses interactivity's payload field", async () => {
    let seen: ReceiverEvent | undefined;
    const receiver = receiverWith(async (e) => {
      seen = e;
      await e.ack();
    });
    await receiver.handle(
      signedRequest(
        `payload=${encodeURIComponent('{"type":"block_actions","actions":[]}')}`,
        "application/x-www-form-urlencoded",
      ),
    );
    expect(seen?.body["type"]).toBe("block_actions");
  });

  it("never runs a listener for a request it refuses", async () => {
    let called = false;
    const receiver = receiverWith(async () => {
      called = true;
    });
    const req = signedRequest(command, "application/x-www-form-urlencoded");
    req.headers["x-slack-signature"] = `v0=${"0".repeat(64)}`;
    expect((await receiver.handle(req)).status).toBe(401);
    expect(req.logFields["slackRejected"]).toBe("mismatch");
    expect(called).toBe(false);
  });
});
