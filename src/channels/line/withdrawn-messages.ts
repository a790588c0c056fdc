// Message ids a resident has unsent, kept briefly so an answer still waiting in the queue is dropped.
// Bounded: old ids fall out first.
export class WithdrawnMessages {
  private readonly ids = new Map<string, number>();

  constructor(
    private readonly max = 10_000,
    private readonly ttlMs = 10 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  add(messageId: string): void {
    this.ids.delete(messageId);
    this.ids.set(messageId, this.now() + this.ttlMs);
    while (this.ids.size > this.max) this.ids.delete(this.ids.keys().next().value as string);
  }

  has(messageId: string): boolean {
    const expiry = this.ids.get(messageId);
    if (expiry === undefined) return false;
    if (expiry > this.now()) return true;
    this.ids.delete(messageId);
    return false;
  }
}
