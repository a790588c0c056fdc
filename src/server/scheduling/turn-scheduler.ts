// Conversation turns are the server's costly work (a few to tens of milliseconds of CPU each), and they run
// on the same event loop that acknowledges webhooks. Left alone, a burst of LINE events starts hundreds of
// turns back to back and every acknowledgement waits behind them (LINE wants one within 2 s, and resends
// the whole batch otherwise). The scheduler runs `concurrency` turns at a time, each started from
// setImmediate so the loop reads sockets and sends acknowledgements between turns, and serves people who
// are waiting on an HTTP answer (the web page, Slack) before LINE events that were already acknowledged.
// With `yieldToArrivals`, a background turn also waits while requests keep arriving: it starts on a turn
// of the loop in which no new request came in, so during a spike the loop's time goes to acknowledging
// (each answer that does start brings seconds' worth of rendering, LINE API calls and log lines with it)
// and the backlog is answered once the burst is over. The wait is bounded twice: `holdMs` for each turn,
// and none at all for a turn queued `maxWaitMs` ago, so a load that never pauses is answered as before.
// LINE's reply tokens go stale after about a minute, and the LINE channel then pushes instead.

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
  /** A count that grows with every request the server starts to handle. */
  arrivals: () => number;
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
  /** The arrival count when the head of the background queue was last looked at. */
  private lastCount: number | undefined;
  private lookScheduled = false;

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
    this.yielding = { holdMs: 200, maxWaitMs: 5_000, now: () => performance.now(), ...y };
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
    this.onQueueChange?.(this.waiting);
  }

  /** The next background turn, unless requests arrived since the last look and it may still wait. */
  private nextBackground(): Waiting | undefined {
    const head = this.queues.background[0];
    if (!head || !this.yielding) return this.queues.background.shift();
    if (this.lookScheduled) return undefined; // the look waits for the sockets to be read first
    const { arrivals, holdMs, maxWaitMs, now } = this.yielding;
    const count = arrivals();
    const t = now();
    head.heldFrom ??= t;
    const arrived = count !== this.lastCount;
    this.lastCount = count;
    if (arrived && t - head.heldFrom < holdMs && t - head.queuedAt < maxWaitMs) {
      this.lookAgain();
      return undefined;
    }
    return this.queues.background.shift();
  }

  /** Looks again on the next turn of the loop, after its sockets have been read (setImmediate follows the poll). */
  private lookAgain(): void {
    if (this.lookScheduled) return;
    this.lookScheduled = true;
    setImmediate(() => {
      this.lookScheduled = false;
      this.pump();
    });
  }
}
