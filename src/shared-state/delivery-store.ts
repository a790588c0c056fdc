// Remembers which webhook deliveries (LINE webhookEventId, Slack event_id) have been taken, so each is
// answered once. Platforms deliver the same event twice even without a retry, and the copies can arrive at
// the same time: `claim` must be atomic. The server passes one store to every channel; with REDIS_URL it is
// src/shared-state's Redis store (SET NX PX), which keeps the same contract across server processes.

export interface DeliveryStore {
  /** true for the first caller of an id within `ttlMs`; false for every other caller, concurrent or later. */
  claim(id: string, ttlMs: number): Promise<boolean>;
}

/** One process's memory: right for a single server. Expired ids are swept as new ones arrive. */
export class InMemoryDeliveryStore implements DeliveryStore {
  private readonly expiries = new Map<string, number>();
  private nextSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async claim(id: string, ttlMs: number): Promise<boolean> {
    // Check and set with no await between them: concurrent copies cannot both win.
    const t = this.now();
    this.sweep(t);
    const expiry = this.expiries.get(id);
    if (expiry !== undefined && expiry > t) return false;
    this.expiries.set(id, t + ttlMs);
    return true;
  }

  get size(): number {
    return this.expiries.size;
  }

  /** At most once a minute, so memory stays bounded by the ttl without a walk on every claim. */
  private sweep(t: number): void {
    if (t < this.nextSweep) return;
    this.nextSweep = t + 60_000;
    for (const [id, expiry] of this.expiries) if (expiry <= t) this.expiries.delete(id);
  }
}
