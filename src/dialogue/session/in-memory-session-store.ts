// A SessionStore in this process's memory: for the CLI, tests and a single-process server. Sessions are
// kept as JSON text, so what works here also works in a shared store, and callers never share objects.
import { DEFAULT_SESSION_IDLE_MS, type SessionStore, type SessionStoreOptions } from "./session-store.js";
import type { Session } from "./session.js";

interface Stored {
  json: string;
  touchedAt: number;
}

export class InMemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, Stored>();
  private readonly idleMs: number;
  private readonly now: () => number;
  private lastSweep = 0;

  constructor(options: SessionStoreOptions = {}) {
    this.idleMs = options.idleMs ?? DEFAULT_SESSION_IDLE_MS;
    this.now = options.now ?? Date.now;
    if (!(this.idleMs > 0)) throw new RangeError(`idleMs must be positive, got ${this.idleMs}`);
  }

  async get(key: string): Promise<Session | undefined> {
    const stored = this.sessions.get(key);
    if (!stored) return undefined;
    if (this.isExpired(stored, this.now())) {
      this.sessions.delete(key);
      return undefined;
    }
    return JSON.parse(stored.json) as Session;
  }

  async set(key: string, session: Session): Promise<void> {
    const now = this.now();
    this.sessions.set(key, { json: JSON.stringify(session), touchedAt: now });
    this.sweep(now);
  }

  async delete(key: string): Promise<void> {
    this.sessions.delete(key);
  }

  /** Sessions currently held, expired ones included until the next sweep (for tests and metrics). */
  get size(): number {
    return this.sessions.size;
  }

  private isExpired(stored: Stored, now: number): boolean {
    return now - stored.touchedAt >= this.idleMs;
  }

  /** Drops expired sessions at most once per idle period, so memory stays bounded without a timer. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.idleMs) return;
    this.lastSweep = now;
    for (const [key, stored] of this.sessions) if (this.isExpired(stored, now)) this.sessions.delete(key);
  }
}
