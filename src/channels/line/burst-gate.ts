// Holds work back while webhooks arrive in a burst, in the order it came, and lets it all through once the
// burst is over (or the oldest has waited `maxWaitMs`, so a burst that never ends is still answered).
// During a spike of 2,000 webhooks a second, each event handed over at once set up its answer guard,
// per-resident queue, loading timer and held turn — promises and timers that the garbage collector then
// copied at every scavenge while the acknowledgements waited (CPU profile: about a tenth of the spike).
// The events are in the durable queue already: holding them here loses nothing.
export interface BurstGateOptions {
  bursting: () => boolean;
  /** How often held work looks whether the burst is over (default 5 ms). */
  checkEveryMs?: number;
  /** Work held this long goes through whatever the arrivals do (default 1 s). */
  maxWaitMs?: number;
  now?: () => number;
}

interface Held {
  start: () => void;
  heldAt: number;
}

export class BurstGate {
  private readonly held: Held[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(private readonly options: BurstGateOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  /** Runs `work` now, or once the burst is over; resolves or rejects as the work does. */
  pass<T>(work: () => Promise<T>): Promise<T> {
    if (this.held.length === 0 && !this.options.bursting()) return work();
    return new Promise<T>((resolve, reject) => {
      this.held.push({ start: () => void work().then(resolve, reject), heldAt: this.now() });
      this.timer ??= setTimeout(() => this.check(), this.options.checkEveryMs ?? 5);
    });
  }

  /** Work waiting for the burst to pass. */
  get waiting(): number {
    return this.held.length;
  }

  private check(): void {
    this.timer = undefined;
    const waitedTooLong = () => this.now() - this.held[0]!.heldAt >= (this.options.maxWaitMs ?? 1_000);
    if (this.options.bursting() && !waitedTooLong()) {
      this.timer = setTimeout(() => this.check(), this.options.checkEveryMs ?? 5);
      return;
    }
    for (const h of this.held.splice(0)) h.start();
  }
}
