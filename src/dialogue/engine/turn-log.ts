// The turns the App Home counts, kept where every replica and a restart can see them: in Redis with
// REDIS_URL (shared-state/redis-turn-log.ts), else in a file of the state directory
// (shared-state/file-turn-log.ts), or in memory. Texts are masked before they get here (TurnRecord).
export interface LoggedTurn {
  /** Unique across replicas (the 「対象外」 and 「回答を登録」 buttons name it). */
  id: string;
  at: number;
  /** The channel as shown ("line"); `source` is the engine's channel name ("line/imari") for forgetting. */
  channel: string;
  source: string;
  user: string;
  messageId?: string;
  text: string;
  question: boolean;
  noMatch: boolean;
  programIds: string[];
}

export interface TurnLog {
  append(turn: LoggedTurn): Promise<void>;
  /** A withdrawn message (LINE unsend) leaves every count and list. */
  forget(message: { source: string; user: string; messageId: string }): Promise<void>;
  /** The kept turns, oldest first (at most the log's capacity). */
  recent(): Promise<LoggedTurn[]>;
  /** 「対象外」: false when already dismissed. */
  dismiss(id: string): Promise<boolean>;
  dismissed(): Promise<Set<string>>;
}

export const TURN_LOG_CAPACITY = 20_000;

export class MemoryTurnLog implements TurnLog {
  protected turns: LoggedTurn[] = [];
  protected readonly dismissedIds = new Set<string>();

  constructor(protected readonly capacity = TURN_LOG_CAPACITY) {}

  async append(turn: LoggedTurn): Promise<void> {
    this.turns.push(turn);
    if (this.turns.length > this.capacity) this.turns.splice(0, this.turns.length - this.capacity);
  }

  async forget(m: { source: string; user: string; messageId: string }): Promise<void> {
    this.turns = this.turns.filter((t) => !(t.messageId === m.messageId && t.source === m.source && t.user === m.user));
  }

  async recent(): Promise<LoggedTurn[]> {
    return [...this.turns];
  }

  async dismiss(id: string): Promise<boolean> {
    if (this.dismissedIds.has(id)) return false;
    this.dismissedIds.add(id);
    return true;
  }

  async dismissed(): Promise<Set<string>> {
    return new Set(this.dismissedIds);
  }
}
