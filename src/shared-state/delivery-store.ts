// Remembers which webhook deliveries (LINE webhookEventId, Slack event_id) have been taken, so each is
// answered once. Platforms deliver the same event twice even without a retry, and the copies can arrive at
// the same time: `claim` must be atomic. The server passes one store to every channel; with REDIS_URL it is
// src/shared-state's Redis store (SET NX PX), which keeps the same contract across server processes.

export interface DeliveryStore {
  /** true for the first caller of an id within `ttlMs`; false for every other caller, concurrent or later. */
  claim(id: string, ttlMs: number): Promise<boolean>;
}

/** How many generations one ttl is cut into: an id is remembered for its ttl and at most an eighth more. */
const GENERATIONS = 8;

/**
 * One process's memory: right for a single server. A single process keeps every id for the whole ttl
 * (24 hours for LINE), so at a steady rate the store holds rate × ttl ids: the heap grows for a whole day
 * before it levels off. So each id costs as little as it can — about 45 bytes, against 100 in a Map of
 * id → expiry: ids live in Sets, one per generation (a slice of the ttl), with no expiry of their own; a
 * generation goes as a whole once its last id has expired; and each id is kept as a flat string of its own,
 * not as the `line:` + id concatenation the caller built, which V8 keeps as two strings joined.
 */
export class InMemoryDeliveryStore implements DeliveryStore {
  private readonly byTtl = new Map<number, Generation[]>();

  constructor(private readonly now: () => number = Date.now) {}

  async claim(id: string, ttlMs: number): Promise<boolean> {
    // Check and set with no await between them: concurrent copies cannot both win.
    const t = this.now();
    this.expire(t);
    for (const generations of this.byTtl.values()) for (const g of generations) if (g.ids.has(id)) return false;
    this.current(ttlMs, t).ids.add(flat(id));
    return true;
  }

  get size(): number {
    let n = 0;
    for (const generations of this.byTtl.values()) for (const g of generations) n += g.ids.size;
    return n;
  }

  /** The generation new ids of this ttl go to: the newest, or a new one once the newest is a slice old. */
  private current(ttlMs: number, t: number): Generation {
    const generations = this.byTtl.get(ttlMs) ?? [];
    this.byTtl.set(ttlMs, generations);
    const slice = Math.max(1, ttlMs / GENERATIONS);
    const newest = generations.at(-1);
    if (newest && t < newest.startedAt + slice) return newest;
    const g: Generation = { startedAt: t, forgetAt: t + slice + ttlMs, ids: new Set() };
    generations.push(g);
    return g;
  }

  /** Drops the generations whose every id is past its ttl (the oldest come first). */
  private expire(t: number): void {
    for (const [ttl, generations] of this.byTtl) {
      while (generations.length > 0 && generations[0]!.forgetAt <= t) generations.shift();
      if (generations.length === 0) this.byTtl.delete(ttl);
    }
  }
}

interface Generation {
  startedAt: number;
  /** When the last id it can hold (taken just before the next generation began) is past its ttl. */
  forgetAt: number;
  ids: Set<string>;
}

/**
 * A copy of `id` in one flat string. Ids are printable ASCII (LINE's ULIDs, Slack's event ids, with a
 * channel prefix), which a Latin-1 round trip copies exactly; anything else is kept as given.
 */
function flat(id: string): string {
  return /^[\x20-\x7e]*$/.test(id) ? Buffer.from(id, "latin1").toString("latin1") : id;
}
