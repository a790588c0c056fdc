// Sessions in Redis, so a conversation continues whichever server process its next message reaches.
// A session is one JSON string under `session:<channel>:<user>`; its expiry (PX) is the idle time, restarted
// by every `set`, so Redis forgets idle conversations by itself. While Redis is unreachable a conversation
// starts afresh at each message instead of failing.
import type { Redis } from "ioredis";
import { DEFAULT_SESSION_IDLE_MS, type SessionStore } from "../dialogue/session/session-store.js";
import type { Session } from "../dialogue/session/session.js";
import { orFallback, type OutageReporter } from "./redis-outage.js";

export class RedisSessionStore implements SessionStore {
  private readonly idleMs: number;
  private readonly onOutage: OutageReporter | undefined;

  constructor(
    private readonly redis: Redis,
    options: { idleMs?: number; onOutage?: OutageReporter } = {},
  ) {
    this.onOutage = options.onOutage;
    this.idleMs = options.idleMs ?? DEFAULT_SESSION_IDLE_MS;
    if (!(this.idleMs >= 1)) throw new RangeError(`idleMs must be at least 1 ms, got ${this.idleMs}`);
  }

  async get(key: string): Promise<Session | undefined> {
    const json = await orFallback(this.redis, "session.get", null, this.onOutage, () =>
      this.redis.get(sessionKey(key)),
    );
    if (json === null) return undefined;
    try {
      return JSON.parse(json) as Session;
    } catch {
      return undefined; // not ours or damaged: start the conversation afresh rather than fail the turn
    }
  }

  async set(key: string, session: Session): Promise<void> {
    await orFallback(this.redis, "session.set", undefined, this.onOutage, async () => {
      await this.redis.set(sessionKey(key), JSON.stringify(session), "PX", Math.round(this.idleMs));
    });
  }

  async delete(key: string): Promise<void> {
    await orFallback(this.redis, "session.delete", undefined, this.onOutage, async () => {
      await this.redis.del(sessionKey(key));
    });
  }
}

function sessionKey(key: string): string {
  return `session:${key}`;
}
