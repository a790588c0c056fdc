// What the web channel needs from the rest of Madoguchi, as narrow interfaces: the search index's
// `search`, the conversation engine's `respond` and the server's counters. The real SearchIndex,
// ConversationEngine and ServerMetrics fit them.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { SearchOptions, SearchResponse } from "../../search/search-index.js";
import type { EngineInput } from "../../dialogue/engine/conversation-engine.js";
import type { Reply } from "../../dialogue/reply/reply.js";

export interface SearchPort {
  search(query: string, options?: SearchOptions): SearchResponse | Promise<SearchResponse>;
}

/** The knowledge and the index built from it, read once per request (a reload swaps both at once). */
export interface WebSnapshot {
  readonly knowledge: KnowledgeBase;
  readonly index: SearchPort;
}

export interface ConversationPort {
  respond(input: EngineInput): Promise<Reply>;
}

/** The server's shared counters as the web routes use them (src/server's ServerMetrics fits). */
export interface WebMetrics {
  /** Seconds to answer one question; kind "search" or "chat". */
  queryDuration: { observe(seconds: number, labels: { channel: string; kind: string }): void };
  noMatch: { inc(labels: { channel: string }): void };
}
