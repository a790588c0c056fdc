// The conversation engine reports every turn (text already masked) to one observer; this fans it out
// to whoever subscribes (the Slack App Home's statistics, tests). A failing subscriber is contained.
// A withdrawn message (LINE unsend) is fanned out the same way, so whoever kept its turn drops it.
import type { TurnObserver, TurnRecord } from "./turn-record.js";

/** A message the person withdrew: the turn whose record has this channel, user and messageId. */
export interface WithdrawnMessage {
  channel: string;
  user: string;
  messageId: string;
}

export type ForgetObserver = (message: WithdrawnMessage) => void;

export class TurnFeed {
  private readonly observers = new Set<TurnObserver>();
  private readonly forgetters = new Set<ForgetObserver>();

  constructor(private readonly onError: (e: unknown) => void = () => undefined) {}

  /** Returns a function that unsubscribes. `forget`, when given, hears of withdrawn messages. */
  subscribe(observer: TurnObserver, forget?: ForgetObserver): () => void {
    this.observers.add(observer);
    if (forget) this.forgetters.add(forget);
    return () => {
      this.observers.delete(observer);
      if (forget) this.forgetters.delete(forget);
    };
  }

  readonly publish = (record: TurnRecord): void => {
    this.each(this.observers, (observer) => observer(record));
  };

  readonly forget = (message: WithdrawnMessage): void => {
    this.each(this.forgetters, (forget) => forget(message));
  };

  private each<T>(subscribers: Set<T>, call: (subscriber: T) => void): void {
    for (const subscriber of subscribers) {
      try {
        call(subscriber);
      } catch (e) {
        this.onError(e);
      }
    }
  }
}
