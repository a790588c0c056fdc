// Remembers which webhook events have been taken, so a duplicate or redelivered event is answered once.
// LINE may deliver the same webhookEventId twice even without redelivery, and copies can arrive at the same
// time: `claim` must be atomic. The Redis implementation (issue #8) uses SET NX PX with the same contract.

export interface DedupeStore {
  /** true for the first caller of an id within `ttlMs`; false for every other (concurrent or later) caller. */
  claim(eventId: string, ttlMs: number): Promise<boolean>;
}

/** One process's memory. Expired ids are swept as new ones come in, so memory stays bounded by the ttl. */
export class InMemoryDedupeStore implements DedupeStore {
  private readonly expiries = new Map<string, number>();
  private nextSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async claim(eventId: string, ttlMs: number): Promise<boolean> {
    // Synchronous check-and-set: no await between reading and writing, so concurrent claims cannot both win.
    const t = this.now();
    this.sweep(t);
    const expiry = this.expiries.get(eventId);
    if (expiry !== undefined && expiry > t) return false;
    this.expiries.set(eventId, t + ttlMs);
    return true;
  }

  get size(): number {
    return this.expiries.size;
  }

  private sweep(t: number): void {
    if (t < this.nextSweep) return;
    this.nextSweep = t + 60_000;
    for (const [id, expiry] of this.expiries) if (expiry <= t) this.expiries.delete(id);
  }
}
