// What the web channel needs from the layers to its left, as narrow interfaces: the search index's
// `search` and the conversation engine's `respond`. The real SearchIndex and ConversationEngine fit them.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { Action, Reply } from "../../dialogue/reply/reply.js";

export interface SearchHit {
  type: "program" | "faq";
  id: string;
  municipality: string | null;
  name: string;
  score: number;
}

export interface SearchOptions {
  municipality?: string;
  type?: "program" | "faq";
  category?: string;
  top?: number;
}

export interface SearchOutcome {
  noMatch: boolean;
  results: SearchHit[];
}

export interface SearchPort {
  search(query: string, options?: SearchOptions): SearchOutcome | Promise<SearchOutcome>;
}

/** The knowledge and the index built from it, read once per request (a reload swaps both at once). */
export interface WebSnapshot {
  readonly knowledge: KnowledgeBase;
  readonly index: SearchPort;
}

export type ConversationInput =
  | { user: string; channel: string; municipality: string | null; text: string }
  | { user: string; channel: string; municipality: string | null; action: Action };

export interface ConversationPort {
  respond(input: ConversationInput): Promise<Reply>;
}
