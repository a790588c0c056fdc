// Builds the real engine over the repository's knowledge and intents (no fakes: the knowledge, tokenizer,
// synonyms and index are the ones the bot serves), with a clock the test sets.
import type { KnowledgeBase } from "../../src/knowledge/knowledge-base.js";
import type { JapaneseTokenizer } from "../../src/text/tokenizer.js";
import type { SearchIndex } from "../../src/search/search-index.js";
import { openSearch } from "../../src/search/open-search.js";
import { loadDialogueData, type DialogueData } from "../../src/dialogue/intents/load-dialogue-data.js";
import { ConversationEngine, type ConversationEngineOptions } from "../../src/dialogue/engine/conversation-engine.js";
import { InMemorySessionStore } from "../../src/dialogue/session/in-memory-session-store.js";

export interface Harness {
  knowledge: KnowledgeBase;
  index: SearchIndex;
  tokenizer: JapaneseTokenizer;
  data: DialogueData;
  engine(options?: Partial<ConversationEngineOptions>): ConversationEngine;
}

/** 2026-11-21 noon in Japan. */
export const TODAY = new Date("2026-11-21T12:00:00+09:00");

export async function createHarness(): Promise<Harness> {
  const [{ tokenizer, knowledge, index }, data] = await Promise.all([
    openSearch({ knowledgeDir: "knowledge" }),
    loadDialogueData("intents"),
  ]);
  const snapshot = { knowledge, index };
  return {
    knowledge,
    index,
    tokenizer,
    data,
    engine: (options = {}) =>
      new ConversationEngine({
        snapshot: () => snapshot,
        data,
        tokenizer,
        sessions: new InMemorySessionStore(),
        now: () => TODAY,
        ...options,
      }),
  };
}
