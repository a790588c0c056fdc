// What the Slack channel needs from the rest of Madoguchi, as small interfaces (the server wires them).
import type { Action, Reply } from "../../dialogue/reply/reply.js";
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { HandoffService } from "../../dialogue/handoff/handoff-service.js";
import type { StaffInsights } from "./home/staff-insights.js";
import type { SynonymProposalSink } from "./home/synonym-proposal-sink.js";

/** What the conversation engine is asked (ConversationEngine.respond's input). */
export type EngineInput =
  | { user: string; channel: string; municipality: string | null; text: string }
  | { user: string; channel: string; municipality: string | null; action: Action };

export interface AnswerEngine {
  respond(input: EngineInput): Promise<Reply>;
}

/** The few logger methods the channel uses (pino's Logger has them); fields only, never message text. */
export interface SlackLog {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Remembers event ids; the same contract as the LINE channel's DedupeStore (Redis: SET NX PX). */
export interface EventDedupe {
  claim(eventId: string, ttlMs: number): Promise<boolean>;
}

export interface SlackDeps {
  engine: AnswerEngine;
  /** The knowledge being served (the filter's municipalities; cards for a list of programs). */
  knowledge: () => KnowledgeBase;
  /** Masks personal data (src/text's maskPersonalData). */
  mask: (text: string) => string;
  log: SlackLog;
  /** Handoffs from residents: the channel attaches itself as the staff desk when SLACK_HANDOFF_CHANNEL is set. */
  handoff?: HandoffService;
  /** The App Home's numbers and unanswered questions. */
  insights?: StaffInsights;
  /** Where 「同義語を追加」 records a proposal (knowledge/synonym-proposals.yaml). */
  proposals?: SynonymProposalSink;
  dedupe?: EventDedupe;
  /** Counters: an event dropped as a retry of one already handled; a lookup's reply and how long it took. */
  onDuplicate?: () => void;
  onAnswer?: (reply: Reply, seconds: number) => void;
  /** Work that outlives an HTTP answer (the server's BackgroundTasks). */
  runInBackground?: (name: string, work: () => Promise<unknown>) => void;
  now?: () => number;
}
