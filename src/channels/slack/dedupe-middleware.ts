// Slack retries an event it thinks we missed (x-slack-retry-num 1–3) and Socket Mode can redeliver one as
// a first attempt, so events are deduplicated on `event_id` before any listener runs. Events are acked by
// Bolt before middleware, so a dropped duplicate has already been answered 200.
import type { Middleware, AnyMiddlewareArgs } from "@slack/bolt";
import type { DeliveryStore } from "../../shared-state/delivery-store.js";
import type { SlackLog } from "./slack-deps.js";

/** Retries come within about 5 minutes of the first try; keep ids a little longer. */
export const EVENT_ID_TTL_MS = 15 * 60 * 1000;

/** The custom property Bolt puts into each listener's context: this event came through the durable queue. */
export const QUEUED = "madoguchiQueued";

export function dedupeEvents(
  dedupe: DeliveryStore,
  log: SlackLog,
  onDuplicate?: () => void,
): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    if (context[QUEUED]) return next(); // checked before it entered the queue (durable-events.ts)
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === "string" && !(await dedupe.claim(`slack:${eventId}`, EVENT_ID_TTL_MS))) {
      log.info({ eventId }, "slack: duplicate event dropped");
      onDuplicate?.();
      return;
    }
    await next();
  };
}
