// Builds the real engine over the repository's knowledge and intents (no fakes: the knowledge, tokenizer,
// synonyms and index are the ones the bot serves), with a clock the test sets.
import { join } from "node:path";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.js";
import type { KnowledgeBase } from "../../src/knowledge/knowledge-base.js";
import { createJapaneseTokenizer, type JapaneseTokenizer } from "../../src/text/tokenizer.js";
import { SearchIndex } from "../../src/search/search-index.js";
import { loadSynonyms } from "../../src/search/synonyms.js";
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
  const [tokenizer, knowledge, synonyms, data] = await Promise.all([
    createJapaneseTokenizer(),
    loadKnowledgeOrThrow("knowledge"),
    loadSynonyms("knowledge", join("knowledge", "synonyms.yaml")),
    loadDialogueData("intents"),
  ]);
  const index = SearchIndex.build(knowledge, tokenizer, synonyms);
  const snapshot = { knowledge, index };
  return {
    knowledge,
    index,
    tokenizer,
    data,
    engine: (options = {}) =>
      new ConversationEngine({ snapshot: () => snapshot, data, tokenizer, sessions: new InMemorySessionStore(), now: () => TODAY, ...options }),
  };
}
