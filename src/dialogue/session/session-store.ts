// Where sessions live between turns. Implementations forget a session after it has been idle for the
// store's idle time (30 minutes by default), so an old focus never answers a new day's question.
import type { Session } from "./session.js";

export const DEFAULT_SESSION_IDLE_MS = 30 * 60 * 1000;

export interface SessionStore {
  /** The session, or undefined when there is none or it has been idle too long. */
  get(key: string): Promise<Session | undefined>;
  /** Stores the session and restarts its idle time. */
  set(key: string, session: Session): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface SessionStoreOptions {
  idleMs?: number;
  /** Milliseconds since the epoch; injectable so tests can let time pass. */
  now?: () => number;
}
