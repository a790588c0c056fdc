// Conversation turns are the server's costly work (a few to tens of milliseconds of CPU each), and they run
// on the same event loop that acknowledges webhooks. Left alone, a burst of LINE events starts hundreds of
// turns back to back and every acknowledgement waits behind them (LINE wants one within 2 s, and resends
// the whole batch otherwise). The scheduler runs `concurrency` turns at a time, each started from
// setImmediate so the loop reads sockets and sends acknowledgements between turns, and serves people who
// are waiting on an HTTP answer (the web page, Slack) before LINE events that were already acknowledged.
// With `yieldToArrivals`, a background turn also waits while requests arrive in a burst (arrival-rate.ts),
// so during a spike the loop's time goes to acknowledging (each answer that starts brings milliseconds of
// rendering, LINE API calls and log lines with it) and the backlog is answered once the burst is over;
// a steady load is no burst and is answered at once. It decides just after the loop has read its sockets
// (setImmediate follows the poll), so requests that came in during a long turn count, and a held turn
// looks again on a timer, so the loop sleeps between looks instead of spinning. The wait is bounded
// twice: `holdMs` for each turn, and none at all for a turn queued `maxWaitMs` ago, so a burst that never
// ends is answered as before. LINE's reply tokens go stale after about a minute; the channel then pushes.

export type TurnPriority = "interactive" | "background";

interface Waiting {
  work: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (e: unknown) => void;
  queuedAt: number;
  /** When it first yielded to arriving requests at the head of the queue. */
  heldFrom?: number;
}

export interface ArrivalYield {
  /** Whether requests are arriving in a burst now (ArrivalRate.bursting). */
  bursting: () => boolean;
  /** How often a held turn looks again (default 2 ms). */
  lookEveryMs?: number;
  /** Longest a background turn at the head of the queue waits for a pause in the arrivals (default 200 ms). */
  holdMs?: number;
  /** A background turn queued this long ago starts without waiting for a pause (default 5 s). */
  maxWaitMs?: number;
  now?: () => number;
}

export class TurnScheduler {
  private readonly queues: Record<TurnPriority, Waiting[]> = { interactive: [], background: [] };
  private running = 0;
  private yielding: Required<ArrivalYield> | undefined;
  private lookScheduled = false;
  /** A look is running: the loop has just read its sockets. */
  private looking = false;
  private reportedWaiting = -1;

  constructor(
    private readonly concurrency = 1,
    private readonly onQueueChange?: (waiting: number) => void,
  ) {
    if (!(concurrency >= 1)) throw new RangeError(`concurrency must be at least 1, got ${concurrency}`);
  }

  run<T>(priority: TurnPriority, work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const queuedAt = this.yielding?.now() ?? 0;
      this.queues[priority].push({ work, resolve: resolve as (v: unknown) => void, reject, queuedAt });
      this.pump();
    });
  }

  /** From now on background turns wait for a pause in the requests arriving (see the top of this file). */
  yieldToArrivals(y: ArrivalYield): void {
    this.yielding = { lookEveryMs: 2, holdMs: 200, maxWaitMs: 5_000, now: () => performance.now(), ...y };
  }

  /** Turns waiting to start (the backlog). */
  get waiting(): number {
    return this.queues.interactive.length + this.queues.background.length;
  }

  private pump(): void {
    while (this.running < this.concurrency) {
      const next = this.queues.interactive.shift() ?? this.nextBackground();
      if (!next) break;
      this.running++;
      setImmediate(() => {
        next
          .work()
          .then(next.resolve, next.reject)
          .finally(() => {
            this.running--;
            this.pump();
          });
      });
    }
    if (this.waiting !== this.reportedWaiting) {
      this.reportedWaiting = this.waiting;
      this.onQueueChange?.(this.waiting);
    }
  }

  /** The next background turn, unless requests are arriving in a burst and it may still wait. */
  private nextBackground(): Waiting | undefined {
    const head = this.queues.background[0];
    if (!head || !this.yielding) return this.queues.background.shift();
    if (!this.looking) {
      this.lookAfter(0);
      return undefined;
    }
    const { bursting, lookEveryMs, holdMs, maxWaitMs, now } = this.yielding;
    const t = now();
    head.heldFrom ??= t;
    if (bursting() && t - head.heldFrom < holdMs && t - head.queuedAt < maxWaitMs) {
      this.lookAfter(lookEveryMs);
      return undefined;
    }
    return this.queues.background.shift();
  }

  /** Looks (pumps with `looking` set) in the check phase after `ms`: after the loop has read its sockets. */
  private lookAfter(ms: number): void {
    if (this.lookScheduled) return;
    this.lookScheduled = true;
    const look = () =>
      setImmediate(() => {
        this.lookScheduled = false;
        this.looking = true;
        try {
          this.pump();
        } finally {
          this.looking = false;
        }
      });
    if (ms > 0) setTimeout(look, ms);
    else look();
  }
}
