// Conversation turns are the server's costly work (a few to tens of milliseconds of CPU each), and they run
// on the same event loop that acknowledges webhooks. Left alone, a burst of LINE events starts hundreds of
// turns back to back and every acknowledgement waits behind them (LINE wants one within 2 s, and resends
// the whole batch otherwise). The scheduler runs `concurrency` turns at a time, each started from
// setImmediate so the loop reads sockets and sends acknowledgements between turns, and serves people who
// are waiting on an HTTP answer (the web page, Slack) before LINE events that were already acknowledged.
// A backlog is answered in order as fast as the CPU allows; LINE's reply tokens go stale after about a
// minute, and the LINE channel then pushes instead.

export type TurnPriority = "interactive" | "background";

interface Waiting {
  work: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (e: unknown) => void;
}

export class TurnScheduler {
  private readonly queues: Record<TurnPriority, Waiting[]> = { interactive: [], background: [] };
  private running = 0;

  constructor(
    private readonly concurrency = 1,
    private readonly onQueueChange?: (waiting: number) => void,
  ) {
    if (!(concurrency >= 1)) throw new RangeError(`concurrency must be at least 1, got ${concurrency}`);
  }

  run<T>(priority: TurnPriority, work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queues[priority].push({ work, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /** Turns waiting to start (the backlog). */
  get waiting(): number {
    return this.queues.interactive.length + this.queues.background.length;
  }

  private pump(): void {
    while (this.running < this.concurrency) {
      const next = this.queues.interactive.shift() ?? this.queues.background.shift();
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
}
