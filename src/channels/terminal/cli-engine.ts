// Builds a conversation engine for the terminal commands (chat, converse): the knowledge, the tokenizer,
// the synonyms and the search index, loaded once; sessions in memory.
import { loadKnowledgeOrThrow } from "../../knowledge/load.js";
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import { createJapaneseTokenizer } from "../../text/tokenizer.js";
import { SearchIndex } from "../../search/search-index.js";
import { loadSynonyms } from "../../search/synonyms.js";
import { loadDialogueData } from "../../dialogue/intents/load-dialogue-data.js";
import { ConversationEngine } from "../../dialogue/engine/conversation-engine.js";

export interface CliEngineOptions {
  knowledgeDir: string;
  intentsDir: string;
  /** Where the bundled synonyms are, used when the knowledge directory has none. */
  bundledSynonyms: string;
}

export interface CliEngine {
  engine: ConversationEngine;
  knowledge: KnowledgeBase;
}

export async function createCliEngine(o: CliEngineOptions): Promise<CliEngine> {
  const [tokenizer, knowledge, synonyms, data] = await Promise.all([
    createJapaneseTokenizer(),
    loadKnowledgeOrThrow(o.knowledgeDir),
    loadSynonyms(o.knowledgeDir, o.bundledSynonyms),
    loadDialogueData(o.intentsDir),
  ]);
  const index = SearchIndex.build(knowledge, tokenizer, synonyms);
  const snapshot = { knowledge, index };
  return { engine: new ConversationEngine({ snapshot: () => snapshot, data, tokenizer }), knowledge };
}
