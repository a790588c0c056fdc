// Remembers which webhook deliveries (LINE webhookEventId, Slack event_id) have been taken, so each is
// answered once. The same contract as the LINE channel's DedupeStore and the Slack channel's EventDedupe,
// so one store serves both: `claim` is atomic, also across server processes when the store is Redis.

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
    if (t >= this.nextSweep) {
      this.nextSweep = t + 60_000;
      for (const [key, expiry] of this.expiries) if (expiry <= t) this.expiries.delete(key);
    }
    const expiry = this.expiries.get(id);
    if (expiry !== undefined && expiry > t) return false;
    this.expiries.set(id, t + ttlMs);
    return true;
  }

  get size(): number {
    return this.expiries.size;
  }
}
