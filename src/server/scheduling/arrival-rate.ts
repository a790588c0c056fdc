// Whether requests are arriving in a burst: the last `count` requests all came within `windowMs`. With the
// defaults (10 in 20 ms: faster than 500 a second) a spike of LINE webhooks (2,000 a second: 40 in 20 ms
// on average) is always a burst, and a steady 200 a second (4 in 20 ms on average) is one less than 1 % of
// the time (Poisson: 10 or more where 4 are expected), so its answers are not held back.
export interface ArrivalRateOptions {
  count?: number;
  windowMs?: number;
  now?: () => number;
}

export class ArrivalRate {
  private readonly times: Float64Array;
  private oldest = 0;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: ArrivalRateOptions = {}) {
    const count = options.count ?? 10;
    if (!(count >= 1)) throw new RangeError(`count must be at least 1, got ${count}`);
    this.times = new Float64Array(count).fill(Number.NEGATIVE_INFINITY);
    this.windowMs = options.windowMs ?? 20;
    this.now = options.now ?? (() => performance.now());
  }

  /** A request arrived (the server started to handle it). */
  seen(): void {
    this.times[this.oldest] = this.now();
    this.oldest = (this.oldest + 1) % this.times.length;
  }

  /** Whether the last `count` requests all arrived within the last `windowMs`. */
  bursting(): boolean {
    return this.now() - this.times[this.oldest]! < this.windowMs;
  }
}
