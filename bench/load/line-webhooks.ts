// LINE webhook bodies as LINE sends them (a text message event from a one-to-one chat, with a
// webhookEventId and a reply token the sink issued), signed with the channel secret over the exact bytes.
import { randomBytes } from "node:crypto";
import { signLineBody } from "../../src/channels/line/verify-signature.js";
import type { LineApiSink } from "./line-api-sink.js";
import type { HttpClient, Sent } from "./http-client.js";

export interface LineTarget {
  /** http://127.0.0.1:port/webhooks/line */
  url: string;
  secret: string;
  sink: LineApiSink;
}

let seq = 0;

/** A webhookEventId shaped like LINE's (26 characters, ULID-like). */
export function newEventId(): string {
  return `01${randomBytes(12).toString("hex").toUpperCase()}`.slice(0, 26);
}

/** A LINE user id (U + 32 hex digits). */
export function lineUserId(n: number, run = "0"): string {
  return `U${`${run}${n.toString(16)}`.padStart(32, "0").slice(-32)}`;
}

export interface TextEvent {
  eventId: string;
  user: string;
  event: Record<string, unknown>;
}

/** A text message event; its reply token is issued by the sink, so the sink knows whose answer it is. */
export function textEvent(sink: LineApiSink, user: string, text: string, eventId = newEventId()): TextEvent {
  const event = {
    type: "message",
    mode: "active",
    timestamp: Date.now(),
    webhookEventId: eventId,
    deliveryContext: { isRedelivery: false },
    source: { type: "user", userId: user },
    replyToken: sink.issue(eventId, user),
    message: { id: String(100_000_000_000 + ++seq), type: "text", quoteToken: randomBytes(8).toString("hex"), text },
  };
  return { eventId, user, event };
}

export function webhookBody(
  events: readonly Record<string, unknown>[],
  destination = "U0000000000000000000000000000bot",
): string {
  return JSON.stringify({ destination, events });
}

export function signedHeaders(secret: string, body: string | Buffer): Record<string, string> {
  return { "content-type": "application/json; charset=utf-8", "x-line-signature": signLineBody(secret, body) };
}

/** POSTs a webhook body to the channel, signed (or with `signature` instead: null sends none). */
export function postLine(
  client: HttpClient,
  target: LineTarget,
  body: string | Buffer,
  signature?: string | null,
): Promise<Sent> {
  const headers = signedHeaders(target.secret, body);
  if (signature === null) delete headers["x-line-signature"];
  else if (signature !== undefined) headers["x-line-signature"] = signature;
  return client.send(target.url, { method: "POST", headers, body });
}
