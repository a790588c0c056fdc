// POST /webhooks/line[/<name>]: the signature is checked over the raw bytes before anything is parsed
// (401 with a fixed body otherwise, nothing of the request echoed); a signed body that is not a webhook
// body gets 400; everything else is acknowledged with 200 as soon as its events are stored in the durable
// queue (a journal write or a Redis command: milliseconds) and answered afterwards, because LINE wants an
// answer within 2 seconds and resends the whole batch after a non-2xx.
import { jsonResponse, type RouteRequest, type RouteResponse } from "../http/route.js";
import { verifyLineSignature } from "./verify-signature.js";

export interface LineWebhookHandlerOptions {
  channelSecret: string;
  /** Stores the events for answering; resolves once they are stored (the answers come afterwards). */
  acceptBatch: (events: unknown[], receivedAt: number) => Promise<void>;
  /** Name of the LINE channel for the request's log line (the path's <name>, or "default"). */
  name: string;
  now?: () => number;
}

export const INVALID_SIGNATURE = jsonResponse(401, { message: "invalid signature" });
export const INVALID_BODY = jsonResponse(400, { message: "invalid webhook body" });

export function createLineWebhookHandler(
  options: LineWebhookHandlerOptions,
): (req: Pick<RouteRequest, "body" | "headers" | "logFields">) => Promise<RouteResponse> {
  const now = options.now ?? Date.now;
  if (!options.channelSecret) throw new Error(`LINE channel ${options.name}: the channel secret is empty`);
  return async (req) => {
    const fields = req.logFields;
    fields["lineChannel"] = options.name;
    if (!verifyLineSignature(options.channelSecret, req.body, req.headers["x-line-signature"])) {
      fields["lineRejected"] = req.headers["x-line-signature"] === undefined ? "no signature" : "bad signature";
      return INVALID_SIGNATURE;
    }
    const events = webhookEvents(req.body);
    if (!events) return INVALID_BODY;
    fields["lineEvents"] = events.length;
    if (events.length > 0) await options.acceptBatch(events, now());
    return jsonResponse(200, {});
  };
}

/** One decoder for every body: a whole-buffer decode keeps no state between calls. */
const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** The `events` array of a webhook body, or undefined when the bytes are not one (bad UTF-8 counts). */
function webhookEvents(body: Buffer): unknown[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(UTF8.decode(body));
  } catch {
    return undefined;
  }
  const events = (parsed as { events?: unknown } | null)?.events;
  return typeof parsed === "object" && parsed !== null && Array.isArray(events) ? events : undefined;
}
