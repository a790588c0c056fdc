// The EventQueue of a single server process (no REDIS_URL): accepted events go into the local journal
// before the webhook's 200 and are marked done when their handler finishes; the events an earlier life of
// the process left unfinished are handed to their channel's handler as soon as it registers (redo).
// When the journal cannot be written (disk full), the events are handled from memory all the same and the
// trouble is reported: the resident is answered unless this process also dies before that.
import type { AcceptedEvent, EventQueue, QueueHandler, QueuedEvent } from "./event-queue.js";
import type { EventJournal, JournalEntry } from "./event-journal.js";

export interface JournalQueueOptions {
  /** The journal refused a write (the accepts were handled from memory). */
  onWriteFailure?: (e: unknown, events: number) => void;
}

export class JournalEventQueue implements EventQueue {
  private readonly handlers = new Map<string, QueueHandler>();
  private readonly leftOver = new Map<string, JournalEntry[]>();
  private readonly running = new Set<Promise<void>>();
  /** Events written and not done, plus those handled from memory: what a kill -9 now could cost. */
  private writeFailures = 0;

  constructor(
    private readonly journal: EventJournal,
    unfinished: readonly JournalEntry[],
    private readonly options: JournalQueueOptions = {},
  ) {
    for (const entry of unfinished) {
      const list = this.leftOver.get(entry.source) ?? [];
      list.push(entry);
      this.leftOver.set(entry.source, list);
    }
  }

  async accept(source: string, events: readonly AcceptedEvent[], receivedAt: number): Promise<void> {
    if (events.length === 0) return;
    const entries = events.map((e) => ({ id: e.id, source, receivedAt, payload: e.payload }));
    const alone = new Set(events.filter((e) => e.alone).map((e) => e.id));
    try {
      await this.journal.append(entries);
    } catch (e) {
      this.writeFailures += entries.length;
      this.options.onWriteFailure?.(e, entries.length);
    }
    setImmediate(() => {
      for (const entry of entries) this.dispatch(entry, false, alone.has(entry.id));
    });
  }

  consume(source: string, handler: QueueHandler): void {
    this.handlers.set(source, handler);
    const replay = this.leftOver.get(source) ?? [];
    this.leftOver.delete(source);
    setImmediate(() => {
      for (const entry of replay) this.dispatch(entry, true);
    });
  }

  /** Events waiting in the journal for a channel that is not configured any more (kept, not answered). */
  get orphaned(): number {
    let n = 0;
    for (const list of this.leftOver.values()) n += list.length;
    return n;
  }

  get stats(): { unfinished: number; writeFailures: number } {
    return { unfinished: this.journal.unfinishedCount, writeFailures: this.writeFailures };
  }

  /** Resolves when every event handed to a handler so far is done with. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  async close(): Promise<void> {
    await this.journal.close();
  }

  private dispatch(entry: JournalEntry, redo: boolean, alone = false): void {
    const handler = this.handlers.get(entry.source);
    if (!handler) return;
    const event: QueuedEvent = {
      id: entry.id,
      payload: entry.payload,
      source: entry.source,
      receivedAt: entry.receivedAt,
      redo,
      ...(alone ? { alone } : {}),
    };
    const work = handler(event)
      .catch(() => undefined)
      .finally(() => {
        this.running.delete(work);
        this.journal.markDone(entry.id);
      });
    this.running.add(work);
  }
}
