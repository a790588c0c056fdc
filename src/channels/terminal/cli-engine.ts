// Builds a conversation engine for the terminal commands (chat, converse): the knowledge, the tokenizer,
// the synonyms and the search index, loaded once; sessions in memory.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import { openSearch } from "../../search/open-search.js";
import { loadDialogueData } from "../../dialogue/intents/load-dialogue-data.js";
import { ConversationEngine } from "../../dialogue/engine/conversation-engine.js";

export interface CliEngineOptions {
  knowledgeDir: string;
  intentsDir: string;
  /** Where the bundled synonyms are, used when the knowledge directory has none. */
  bundledSynonyms: string;
  /** Where start-up caches are kept (null: none). */
  cacheDir?: string | null;
}

export interface CliEngine {
  engine: ConversationEngine;
  knowledge: KnowledgeBase;
}

export async function createCliEngine(o: CliEngineOptions): Promise<CliEngine> {
  const [{ tokenizer, knowledge, index }, data] = await Promise.all([
    openSearch({ knowledgeDir: o.knowledgeDir, fallbackSynonyms: o.bundledSynonyms, cacheDir: o.cacheDir ?? null }),
    loadDialogueData(o.intentsDir),
  ]);
  const snapshot = { knowledge, index };
  return { engine: new ConversationEngine({ snapshot: () => snapshot, data, tokenizer }), knowledge };
}
