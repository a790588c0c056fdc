// Holds work back until the next check (10 ms) and then while webhooks arrive in a burst, in the order it
// came, and lets it all through once the burst is over (or the oldest has waited `maxWaitMs`, so a burst
// that never ends is still answered).
// During a spike of 2,000 webhooks a second, each event handed over at once set up its answer guard,
// per-resident queue, loading timer and held turn — promises and timers that the garbage collector then
// copied at every scavenge while the acknowledgements waited (CPU profile: about a tenth of the spike).
// The events are in the durable queue already: holding them here loses nothing. Held work goes out
// `releaseChunk` at a time, a turn of the event loop apart, so a webhook arriving just after a spike is not
// acknowledged behind thousands of events' set-up.
export interface BurstGateOptions {
  bursting: () => boolean;
  /** How often held work looks whether the burst is over (default 10 ms). */
  checkEveryMs?: number;
  /** Work held this long goes through whatever the arrivals do (default 1 s). */
  maxWaitMs?: number;
  /** How much held work starts on one turn of the event loop once it may (default 64). */
  releaseChunk?: number;
}

interface Held {
  start: () => void;
  heldAt: number;
}

export class BurstGate {
  private readonly held: Held[] = [];
  /** A check or a release is due: it will see work added meanwhile. */
  private due = false;

  constructor(private readonly options: BurstGateOptions) {}

  /**
   * Runs `work` at the next check (`checkEveryMs`) if no burst is on by then, else once it is over; resolves
   * or rejects as the work does. Never at once: a spike's first events come before it counts as a burst
   * (ten requests), and their answers — at a fresh process the first run of the whole answering path, tens
   * of milliseconds each — held up the acknowledgements of the rest (p99 120–180 ms in some runs).
   */
  pass<T>(work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.held.push({ start: () => void work().then(resolve, reject), heldAt: performance.now() });
      if (!this.due) this.checkLater();
    });
  }

  private checkLater(): void {
    this.due = true;
    setTimeout(() => this.check(), this.options.checkEveryMs ?? 10);
  }

  private check(): void {
    const waitedTooLong = performance.now() - this.held[0]!.heldAt >= (this.options.maxWaitMs ?? 1_000);
    if (this.options.bursting() && !waitedTooLong) this.checkLater();
    else this.release();
  }

  private release(): void {
    for (const h of this.held.splice(0, this.options.releaseChunk ?? 64)) h.start();
    if (this.held.length > 0) setImmediate(() => this.release());
    else this.due = false;
  }
}
