// The durable hand-off between acknowledging a webhook and answering it. A channel `accept`s the events of a
// webhook before it answers 200 and handles them when the queue hands them back to its `consume` handler;
// the queue forgets an event only once the handler has finished with it (answered, or known unanswerable).
// An event taken by an earlier life of this process, or by a replica that died, is handed over again with
// `redo: true`: it may already have been answered, so the channel delivers it in a way that cannot
// answer twice (the reply token already used means "answered", a push carries the event's retry key).
// src/shared-state implements it: a journal on local disk (one process) or a Redis Stream (replicas).

export interface AcceptedEvent {
  /** Unique per event (LINE's webhookEventId): the journal's and the stream's key. */
  id: string;
  /** The event as the platform sent it (it holds the resident's message: stored protected, see docs/reliability.md). */
  payload: unknown;
  /**
   * Certainly the only copy: taken into the local journal because Redis was unreachable before any XADD
   * was sent (see answer-guard.ts). Unset: the queue may hold a twin of it.
   */
  alone?: boolean;
}

export interface QueuedEvent extends AcceptedEvent {
  source: string;
  /** When the webhook carrying the event arrived (reply tokens live about a minute from then). */
  receivedAt: number;
  /** Taken before by a process that stopped (or a dead replica) before finishing it. */
  redo: boolean;
}

/** Handles one event to the end; resolves when it is done with (it must not throw: a throw also counts as done). */
export type QueueHandler = (event: QueuedEvent) => Promise<void>;

export interface EventQueue {
  /**
   * Stores the events so that they survive this process; resolves once they are stored. When they cannot be
   * stored (disk full, Redis and the disk both unavailable), they are still handed to the handler from
   * memory — an acknowledged event is answered as long as this process lives — and the trouble is reported.
   */
  accept(source: string, events: readonly AcceptedEvent[], receivedAt: number): Promise<void>;
  /** The handler for one source; events stored earlier (a previous life, a dead replica) are handed to it too. */
  consume(source: string, handler: QueueHandler): void;
}

/** No durability: hands every event straight to the handler (unit tests, and a channel built without a queue). */
export class MemoryEventQueue implements EventQueue {
  private readonly handlers = new Map<string, QueueHandler>();

  async accept(source: string, events: readonly AcceptedEvent[], receivedAt: number): Promise<void> {
    const handler = this.handlers.get(source);
    if (!handler) throw new Error(`no consumer for ${source}`);
    // After the current turn, so the webhook's 200 goes out first.
    setImmediate(() => {
      for (const e of events) void handler({ ...e, source, receivedAt, redo: false }).catch(() => undefined);
    });
  }

  consume(source: string, handler: QueueHandler): void {
    this.handlers.set(source, handler);
  }
}
