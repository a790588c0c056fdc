// Events API deliveries (mentions, direct messages, handoff thread replies) go through the same durable
// queue as LINE's events before their 200: the local journal, or the Redis Stream with replicas. Slack does
// not resend an event it got a 200 for, so one acknowledged and then lost to a kill -9 would never be
// answered. Duplicates (Slack's retries, x-slack-retry-num) are dropped on event_id before the queue; the
// queue hands each event back to Bolt with `queued` set, so the dedupe middleware lets it through, and the
// answer guard lets one copy of it be handled when the queue holds two. Slash commands and interactivity
// are not queued: their answer is the acknowledgement itself (docs/reliability.md).
import type { App } from "@slack/bolt";
import type { AnswerGuard } from "../../shared-state/answer-guard.js";
import type { DeliveryStore } from "../../shared-state/delivery-store.js";
import type { EventQueue, QueuedEvent } from "../../shared-state/event-queue.js";
import { EVENT_ID_TTL_MS, QUEUED } from "./dedupe-middleware.js";
import type { SlackLog } from "./slack-deps.js";

export interface DurableSlackEventsOptions {
  queue: EventQueue;
  answers: AnswerGuard;
  dedupe: DeliveryStore;
  log: SlackLog;
  /** The queue's name for these events. */
  source?: string;
  onDuplicate?: () => void;
  /** Each event's handling, for the server's background work (a graceful stop waits for it). */
  track?: (work: Promise<void>) => void;
}

/** What the queue keeps of a delivery: the body Slack sent (without its legacy token) and the retry headers. */
interface StoredDelivery {
  body: Record<string, unknown>;
  retryNum?: number;
  retryReason?: string;
}

export class DurableSlackEvents {
  private readonly source: string;
  private app: App | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: DurableSlackEventsOptions) {
    this.source = options.source ?? "slack";
  }

  /** Whether this body goes through the queue: Events API deliveries with an event_id. */
  static wants(body: Record<string, unknown>): boolean {
    return body["type"] === "event_callback" && typeof body["event_id"] === "string";
  }

  /** Starts handing queued events (also those an earlier life left) to the app, once its listeners are on. */
  start(app: App): void {
    this.app = app;
    this.options.queue.consume(this.source, (e) => this.handle(e));
  }

  /** Before the 200: drops a duplicate, stores the rest. Resolves once stored; never rejects. */
  async accept(body: Record<string, unknown>, retryNum: number | undefined, retryReason: string | undefined) {
    const id = body["event_id"] as string;
    if (!(await claimSoon(this.options.dedupe.claim(`slack:${id}`, EVENT_ID_TTL_MS)))) {
      this.options.log.info({ eventId: id }, "slack: duplicate event dropped");
      this.options.onDuplicate?.();
      return;
    }
    const { token: _legacyToken, ...kept } = body;
    const payload: StoredDelivery = {
      body: kept,
      ...(retryNum !== undefined ? { retryNum } : {}),
      ...(retryReason ? { retryReason } : {}),
    };
    try {
      await this.options.queue.accept(this.source, [{ id, payload }], Date.now());
      this.track(new Promise<void>((resolve) => setImmediate(resolve))); // handed over on the next turn
    } catch (e) {
      this.options.log.error({ eventId: id, err: errorName(e) }, "slack event not queued");
    }
  }

  /** Resolves when every event handed over so far has been handled. */
  async idle(): Promise<void> {
    do {
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    } while (this.inFlight.size > 0);
  }

  private handle(event: QueuedEvent): Promise<void> {
    const work = this.process(event);
    this.track(work);
    return work;
  }

  private async process(event: QueuedEvent): Promise<void> {
    const app = this.app;
    const stored = event.payload as StoredDelivery | null;
    if (!app || !stored?.body) return;
    // Taken again after a crash: remember it, so a retry of it from now on is still a duplicate.
    if (event.redo) await this.options.dedupe.claim(`slack:${event.id}`, EVENT_ID_TTL_MS).catch(() => true);
    const turn = await this.options.answers.acquire(`${this.source}:${event.id}`, event.alone ? { alone: true } : {});
    if (turn.verdict === "done") {
      this.options.onDuplicate?.();
      return;
    }
    try {
      await app.processEvent({
        body: stored.body,
        ack: async () => {}, // answered 200 when it was stored
        ...(stored.retryNum !== undefined ? { retryNum: stored.retryNum } : {}),
        ...(stored.retryReason ? { retryReason: stored.retryReason } : {}),
        customProperties: { [QUEUED]: true },
      });
      this.options.log.info({ eventId: event.id, redo: event.redo }, "slack event handled");
    } catch (e) {
      this.options.log.error({ eventId: event.id, err: errorName(e) }, "slack: event processing failed");
    } finally {
      turn.finish();
    }
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
    this.options.track?.(work);
  }
}

/** The duplicate check may not hold up the 200 (a Redis going away): after 300 ms the event counts as new. */
function claimSoon(claim: Promise<boolean>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), 300);
  });
  return Promise.race([claim.catch(() => true), late]).finally(() => clearTimeout(timer));
}

/** An error's name only: a message could quote what staff wrote. */
function errorName(e: unknown): string {
  return e instanceof Error ? e.name : typeof e;
}
