// What the Slack channel needs from the rest of Madoguchi, as small interfaces (the server wires them).
import type { Reply } from "../../dialogue/reply/reply.js";
import type { ChannelLog, ConversationPort } from "../channel-context.js";
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { HandoffService } from "../../dialogue/handoff/handoff-service.js";
import type { StaffInsights } from "./home/staff-insights.js";
import type { SynonymProposalSink } from "./home/synonym-proposal-sink.js";
import type { DeliveryStore } from "../../shared-state/delivery-store.js";
import type { EventQueue } from "../../shared-state/event-queue.js";
import type { AnswerGuard } from "../../shared-state/answer-guard.js";
import type { StaffChanges } from "../../knowledge/staff/staff-changes.js";
import type { StaffActor } from "../../knowledge/staff/review-policy.js";

/** Staff answers and facts (the server's StaffServices): changes checked with the channel's own approvers. */
export interface StaffChangesSource {
  changes(policy: { mayApprove(actor: StaffActor): Promise<boolean> | boolean }): StaffChanges;
}

export type SlackLog = ChannelLog;

export interface SlackDeps {
  engine: Pick<ConversationPort, "respond">;
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
  /** 「回答を登録」 and draft approval in the App Home (off when absent). */
  staff?: StaffChangesSource;
  /** Event ids already taken (the server passes the store shared with LINE; Redis with REDIS_URL). */
  dedupe?: DeliveryStore;
  /** Where Events API deliveries wait for their handling (the server's durable queue) and who handles a copy. */
  queue?: EventQueue;
  answers?: AnswerGuard;
  /** Counters: an event dropped as a retry of one already handled; a lookup's reply and how long it took. */
  onDuplicate?: () => void;
  onAnswer?: (reply: Reply, seconds: number) => void;
  /** Work that outlives an HTTP answer (the server's BackgroundTasks). */
  runInBackground?: (name: string, work: () => Promise<unknown>) => void;
  now?: () => number;
}
