// Slack retries an event it thinks we missed (x-slack-retry-num 1–3) and Socket Mode can redeliver one as
// a first attempt, so events are deduplicated on `event_id` before any listener runs. Events are acked by
// Bolt before middleware, so a dropped duplicate has already been answered 200.
import type { Middleware, AnyMiddlewareArgs } from "@slack/bolt";
import type { EventDedupe, SlackLog } from "./slack-deps.js";

/** Retries come within about 5 minutes of the first try; keep ids a little longer. */
export const EVENT_ID_TTL_MS = 15 * 60 * 1000;

export function dedupeEvents(dedupe: EventDedupe, log: SlackLog, onDuplicate?: () => void): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === "string" && !(await dedupe.claim(`slack:${eventId}`, EVENT_ID_TTL_MS))) {
      log.info({ eventId }, "slack: duplicate event dropped");
      onDuplicate?.();
      return;
    }
    await next();
  };
}

/** One process's memory of event ids; the server can pass a shared store (Redis) instead. */
export class InMemoryEventDedupe implements EventDedupe {
  private readonly expiries = new Map<string, number>();
  private nextSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async claim(eventId: string, ttlMs: number): Promise<boolean> {
    // No await between the check and the set: concurrent copies cannot both win.
    const t = this.now();
    if (t >= this.nextSweep) {
      this.nextSweep = t + 60_000;
      for (const [id, expiry] of this.expiries) if (expiry <= t) this.expiries.delete(id);
    }
    const expiry = this.expiries.get(eventId);
    if (expiry !== undefined && expiry > t) return false;
    this.expiries.set(eventId, t + ttlMs);
    return true;
  }
}
