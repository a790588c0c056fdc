// Runs work one piece at a time per key and side by side across keys: one resident's handoff steps (and,
// on LINE, their messages) run in the order asked for, a follow-up after its question, while other
// residents do not wait. A failure is passed to its caller and does not stop the work queued after it.
export class KeyedSerial {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.tails.set(key, settled);
    void settled.then(() => {
      if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return next;
  }
}
