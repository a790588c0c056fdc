// The services one server process shares between its channels: the knowledge and index being served
// (swapped whole on reload), the conversation engine, the session store and the handoff desk.
import type { KnowledgeBase } from "../knowledge/knowledge-base.js";
import type { SessionStore } from "../dialogue/session/session-store.js";
import type { HandoffService } from "../dialogue/handoff/handoff-service.js";
import type { ConversationEngine } from "../dialogue/engine/conversation-engine.js";
import type { SearchIndex } from "../search/search-index.js";
import type { KnowledgeRuntime } from "./live-knowledge/knowledge-runtime.js";
import type { TurnFeed } from "../dialogue/engine/turn-feed.js";
import type { SharedState } from "../shared-state/shared-state.js";
import type { RateLimits } from "./rate-limit/rate-limits.js";
import type { StaffServices } from "./staff-services.js";

export interface ServerServices {
  /** Read `runtime.current()` once per request or event and use that snapshot throughout. */
  runtime: KnowledgeRuntime<SearchIndex>;
  /** Shortcut for `runtime.current().knowledge`. */
  knowledge(): KnowledgeBase;
  engine: ConversationEngine;
  sessions: SessionStore;
  /** What replicas share (REDIS_URL) or this process keeps: sessions, `deliveries` (LINE/Slack dedupe), rate buckets. */
  shared: SharedState;
  /** Per-user rate limits: `lineAdmission` for LINE, `webAdmission` for the JSON API. */
  limits: RateLimits;
  /** LINE attaches its messenger, Slack its staff desk. */
  handoff: HandoffService;
  /** Every conversation turn (text masked): `turns.subscribe(record => …)` (the Slack App Home's statistics). */
  turns: TurnFeed;
  /** maskPersonalData: for anything a channel stores or shows staff. */
  mask: (text: string) => string;
  /** The deployment's municipality (MADOGUCHI_MUNICIPALITY, resolved to its full name), or null. */
  scope: string | null;
  now: () => Date;
  /** Staff answers and facts (drafts, approval) and the reload notices between replicas. */
  staff: StaffServices;
  /** The thread reloads are built in (absent when reloads run here): stopped with the server, or the process stays up. */
  reloadWorker?: { close(): Promise<void> };
}
