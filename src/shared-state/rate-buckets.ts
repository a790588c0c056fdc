// Where the rate-limit buckets live: this process's memory (one server), or Redis when several replicas
// must share one limit per user (src/shared-state/redis-rate-buckets.ts).
import { idleForgetMs, takeToken, type BucketState, type RateRule, type TakeResult } from "./token-bucket.js";

export interface RateBuckets {
  /** Takes one token from the bucket `key` under `rule`; atomic per key. */
  take(key: string, rule: RateRule): Promise<TakeResult>;
}

/** The most buckets kept at once: a flood of new addresses cannot grow memory without bound. */
const MAX_BUCKETS = 100_000;

export class InMemoryRateBuckets implements RateBuckets {
  private readonly buckets = new Map<string, { state: BucketState; forgetAt: number }>();
  private nextSweep = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxBuckets = MAX_BUCKETS,
  ) {}

  async take(key: string, rule: RateRule): Promise<TakeResult> {
    // No await between the read and the write: concurrent takes on one key cannot both spend the last token.
    const now = this.now();
    this.sweep(now);
    const held = this.buckets.get(key);
    const { state, result } = takeToken(held?.state, rule, now);
    this.buckets.delete(key); // re-insert at the end: the Map's order is then least recently used first
    this.buckets.set(key, { state, forgetAt: now + idleForgetMs(rule) });
    if (this.buckets.size > this.maxBuckets) this.buckets.delete(this.buckets.keys().next().value!);
    return result;
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + 60_000;
    for (const [key, b] of this.buckets) if (b.forgetAt <= now) this.buckets.delete(key);
  }
}
