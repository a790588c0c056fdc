// The conversation engine reports every turn (text already masked) to one observer; this fans it out
// to whoever subscribes (the Slack App Home's statistics, tests). A failing subscriber is contained.
import type { TurnObserver, TurnRecord } from "../dialogue/engine/turn-record.js";

export class TurnFeed {
  private readonly observers = new Set<TurnObserver>();

  constructor(private readonly onError: (e: unknown) => void = () => undefined) {}

  /** Returns a function that unsubscribes. */
  subscribe(observer: TurnObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  readonly publish = (record: TurnRecord): void => {
    for (const observer of this.observers) {
      try {
        observer(record);
      } catch (e) {
        this.onError(e);
      }
    }
  };
}
