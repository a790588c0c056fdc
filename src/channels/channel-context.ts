// What every channel gets from the server, built once at start-up, and what it gives back. Each channel
// has one factory (`src/channels/<name>/index.ts`): it reads its own settings from `env`, and returns its
// routes (the `channels/http` route types) or, when its settings are absent, how to turn it on. A factory
// whose settings are wrong throws: the server refuses to start and prints the message.
import type { Env } from "../config/server-config.js";
import type { KnowledgeBase } from "../knowledge/knowledge-base.js";
import type { SearchIndex } from "../search/search-index.js";
import type { EngineInput } from "../dialogue/engine/conversation-engine.js";
import type { TurnFeed } from "../dialogue/engine/turn-feed.js";
import type { HandoffService } from "../dialogue/handoff/handoff-service.js";
import type { Reply } from "../dialogue/reply/reply.js";
import type { DeliveryStore } from "../shared-state/delivery-store.js";
import type { EventQueue } from "../shared-state/event-queue.js";
import type { AnswerGuard } from "../shared-state/answer-guard.js";
import type { Route, RouteRequest } from "./http/route.js";
import type { TurnLog } from "../dialogue/engine/turn-log.js";
import type { StaffChanges } from "../knowledge/staff/staff-changes.js";
import type { StaffActor } from "../knowledge/staff/review-policy.js";

/** The conversation engine, as every channel uses it (src/dialogue's ConversationEngine fits). */
export interface ConversationPort {
  respond(input: EngineInput): Promise<Reply>;
  /** A withdrawn message (LINE unsend) leaves the session's recent questions. */
  forgetMessage(ref: { channel: string; user: string; messageId: string }): Promise<void>;
  /** The person left (LINE unfollow): their session goes. */
  forgetConversation(ref: { channel: string; user: string }): Promise<void>;
  /** Example questions that find something in the municipality's programs (greetings outside a turn). */
  exampleQuestions?(municipality: string | null): { program?: string; topic?: string; categories?: string[] };
}

/** The knowledge and the index built from it: read once per request or event (a reload swaps both). */
export interface KnowledgeSnapshot {
  readonly knowledge: KnowledgeBase;
  readonly index: SearchIndex;
}

/** Whether to answer one message: "notice" = say 「少しお待ちください」 once, "drop" = stay silent. */
export type Admission = "answer" | "notice" | "drop";

/** Per-user rate limits, keyed and counted by the server (buckets in memory, or Redis with REDIS_URL). */
export interface ChannelAdmission {
  /** One LINE message of `user` on `channel` ("line", "line/<name>"). */
  line(channel: string, user: string): Promise<Admission>;
  /** One JSON API request; throws TooManyRequests (429 with Retry-After) past the client's limit. */
  web(req: RouteRequest): Promise<void>;
}

interface Counter<L extends string> {
  inc(labels: Record<L, string>): void;
}

/** The server's shared counters; every channel labels them with its own name. */
export interface ChannelMetrics {
  /** Seconds to answer one question; kind "search" or "chat". */
  queryDuration: { observe(labels: { channel: string; kind: string }, seconds: number): void };
  noMatch: Counter<"channel">;
  duplicateDeliveriesDropped: Counter<"channel">;
  lineEvents: Counter<"channel" | "type" | "outcome">;
}

/** The logger methods channels use (pino's fits); fields are ids, lengths and outcomes, never message text. */
export interface ChannelLog {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface ChannelContext {
  /** The environment the server was started with: each channel reads its own variables. */
  env: Env;
  /** The knowledge directory (Slack records synonym proposals there). */
  knowledgeDir: string;
  snapshot(): KnowledgeSnapshot;
  engine: ConversationPort;
  /** "Have we handled this delivery?", shared by LINE and Slack (Redis with REDIS_URL: across replicas). */
  deliveries: DeliveryStore;
  /** Where acknowledged events wait for their answer: the local journal, the Redis Stream, or memory (docs/reliability.md). */
  queue: EventQueue;
  /** Which copy of a queued event answers it when the queue holds two (a Redis restart, a claimed entry). */
  answers: AnswerGuard;
  admission: ChannelAdmission;
  metrics: ChannelMetrics;
  /** Work that outlives its HTTP answer (an acknowledged webhook); a graceful stop waits for it. */
  background(name: string, work: () => Promise<unknown>): void;
  /** LINE attaches its messenger, Slack its staff desk. */
  handoff: HandoffService;
  /** Every conversation turn (text masked) and every withdrawn message: the Slack App Home subscribes. */
  turns: Pick<TurnFeed, "subscribe" | "forget">;
  /** Masks personal data: for anything a channel stores or shows staff. */
  mask(text: string): string;
  /** The deployment's municipality (MADOGUCHI_MUNICIPALITY, resolved to its full name), or null. */
  scope: string | null;
  now(): Date;
  /** The server's logger: personal data is masked in everything logged through it. */
  log: ChannelLog;
  /** Whether requests are arriving in a burst now (a spike of webhooks): work that can wait, waits. */
  bursting?: () => boolean;
  /** The App Home's turn log, shared by replicas (Redis) or kept on disk. */
  turnLog(): Promise<TurnLog>;
  /** Staff answers and facts: drafts and approval, checked with the channel's own approvers (Slack App Home). */
  staff: { changes(policy: { mayApprove(actor: StaffActor): Promise<boolean> | boolean }): StaffChanges };
}

/** What a factory returns when its channel is on. */
export interface ChannelRoutes {
  /** Short name shown in /healthz and the start-up banner: "web", "line", "slack". */
  name: string;
  /** The bodies reach the handlers as raw bytes (signatures are checked over them), capped by the server. */
  routes: Route[];
  /** Lines printed at start-up, e.g. "LINE: POST /webhooks/line (伊万里市)". */
  summary: string[];
  /** Called on shutdown after the HTTP server has stopped accepting requests. */
  close?(): Promise<void>;
}

/** What a factory returns when its settings are absent: the channel stays off. */
export interface ChannelOff {
  name: string;
  /** How to turn it on, e.g. "set LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN". */
  off: string;
}

export type ChannelFactory = (ctx: ChannelContext) => Promise<ChannelRoutes | ChannelOff>;
