// The App Home's turns in Redis (REDIS_URL): every replica appends, so the counts and the unanswered list
// cover all of them and survive restarts. Keys: insights:turns (a list of JSON turns, newest last, trimmed
// to the capacity) and insights:dismissed (a set of ids).
import type { Redis } from "ioredis";
import { TURN_LOG_CAPACITY, type LoggedTurn, type TurnLog } from "../dialogue/engine/turn-log.js";

const TURNS = "insights:turns";
const DISMISSED = "insights:dismissed";

export class RedisTurnLog implements TurnLog {
  constructor(
    private readonly redis: Redis,
    private readonly capacity = TURN_LOG_CAPACITY,
  ) {}

  async append(turn: LoggedTurn): Promise<void> {
    await this.redis.multi().rpush(TURNS, JSON.stringify(turn)).ltrim(TURNS, -this.capacity, -1).exec();
  }

  async forget(m: { source: string; user: string; messageId: string }): Promise<void> {
    for (const raw of await this.redis.lrange(TURNS, 0, -1)) {
      const t = parse(raw);
      if (t && t.messageId === m.messageId && t.source === m.source && t.user === m.user)
        await this.redis.lrem(TURNS, 0, raw);
    }
  }

  async recent(): Promise<LoggedTurn[]> {
    return (await this.redis.lrange(TURNS, 0, -1)).map(parse).filter((t): t is LoggedTurn => t !== undefined);
  }

  async dismiss(id: string): Promise<boolean> {
    return (await this.redis.sadd(DISMISSED, id)) === 1;
  }

  async dismissed(): Promise<Set<string>> {
    return new Set(await this.redis.smembers(DISMISSED));
  }
}

function parse(raw: string): LoggedTurn | undefined {
  try {
    return JSON.parse(raw) as LoggedTurn;
  } catch {
    return undefined;
  }
}
