// The one way to open the search over a knowledge directory: the tokenizer, the knowledge, the directory's
// synonyms (or the bundled ones) and the index built from them. The server, the CLI, the benches and the
// tests all start here, so they search exactly as the bot does.
import { BUNDLED_SYNONYMS } from "../config/server-config.js";
import type { KnowledgeBase } from "../knowledge/knowledge-base.js";
import { loadKnowledgeCachedOrThrow } from "../knowledge/cache/knowledge-snapshot.js";
import { createJapaneseTokenizer, type JapaneseTokenizer } from "../text/tokenizer.js";
import { SearchIndex, type BuildOptions, type SearchIndexSource } from "./search-index.js";
import { loadSynonyms } from "./synonyms.js";

export interface IndexOptions {
  /** Synonyms used when the knowledge directory has no synonyms.yaml (default: the bundled ones; null: none). */
  fallbackSynonyms?: string | null;
  /** Indexes this instead of the knowledge itself (the bench's synthetic country-sized source). */
  source?: (knowledge: KnowledgeBase) => SearchIndexSource;
  build?: BuildOptions;
}

export interface OpenSearchOptions extends IndexOptions {
  knowledgeDir: string;
  /** Where start-up caches are kept (the knowledge snapshot); null or absent: none (tests, benches of the build). */
  cacheDir?: string | null;
  /** A tokenizer already loading or loaded (the dictionary takes a while); a new one otherwise. */
  tokenizer?: JapaneseTokenizer | Promise<JapaneseTokenizer>;
}

export interface OpenedSearch {
  tokenizer: JapaneseTokenizer;
  knowledge: KnowledgeBase;
  index: SearchIndex;
  /** How long building the index took, synonyms included (the benches report it). */
  buildMs: number;
}

/** Loads and validates the knowledge (a KnowledgeError names file, entry and field) and builds its index. */
export async function openSearch(o: OpenSearchOptions): Promise<OpenedSearch> {
  const [tokenizer, knowledge] = await Promise.all([o.tokenizer ?? createJapaneseTokenizer(), loadKnowledgeCachedOrThrow(o.knowledgeDir, o.cacheDir ?? null)]);
  const started = performance.now();
  const index = await indexKnowledge(knowledge, tokenizer, o);
  return { tokenizer, knowledge, index, buildMs: performance.now() - started };
}

/** The index for knowledge already loaded and validated (the server's reload calls this after validating). */
export async function indexKnowledge(knowledge: KnowledgeBase, tokenizer: JapaneseTokenizer, o: IndexOptions = {}): Promise<SearchIndex> {
  const fallback = o.fallbackSynonyms === null ? undefined : (o.fallbackSynonyms ?? BUNDLED_SYNONYMS);
  const synonyms = await loadSynonyms(knowledge.dir, fallback);
  return SearchIndex.build(o.source ? o.source(knowledge) : knowledge, tokenizer, synonyms, o.build);
}
