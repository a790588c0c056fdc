// Who answers an accepted event when the queue holds it more than once. Copies arise when an XADD that
// Redis never confirmed also went to a replica's local journal (Redis restarting, or slower than the
// fallback's timeout: docs/reliability.md), when an entry is claimed from a consumer presumed dead, or
// when an event is replayed after a crash. Each copy's handler first `acquire`s the event: exactly one live
// copy gets "answer"; the others wait while it works and then get "done". A copy whose holder died takes
// the event over, told that the holder may have answered (`unsure`), so it answers the way that cannot
// double (a used reply token means "answered", a push carries the event's retry key).

export interface AnswerTurn {
  verdict: "answer";
  /** An earlier holder may have answered already (it died holding the event, or the check could not be made). */
  unsure: boolean;
  /** This copy is done with the event (answered, or known unanswerable): every other copy gets "done". */
  finish(): void;
}

export interface AcquireOptions {
  /**
   * The copy is certainly the only one (taken into the local journal because Redis was unreachable before
   * the XADD was sent): while Redis is away it need not wait for the shared check.
   */
  alone?: boolean;
}

export interface AnswerGuard {
  acquire(id: string, options?: AcquireOptions): Promise<AnswerTurn | { verdict: "done" }>;
  close?(): Promise<void>;
}

/**
 * One process (no Redis): copies of an event exist only across a restart (the journal's replay, handled as
 * redo), so there is nothing to coordinate but copies handed over side by side in this process.
 */
export class MemoryAnswerGuard implements AnswerGuard {
  private readonly held = new Map<string, Promise<void>>();

  async acquire(id: string): Promise<AnswerTurn | { verdict: "done" }> {
    const earlier = this.held.get(id);
    if (earlier) {
      await earlier;
      return { verdict: "done" };
    }
    let release!: () => void;
    this.held.set(
      id,
      new Promise<void>((r) => {
        release = r;
      }),
    );
    return {
      verdict: "answer",
      unsure: false,
      finish: () => {
        this.held.delete(id);
        release();
      },
    };
  }
}
