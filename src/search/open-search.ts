// The one way to open the search over a knowledge directory: the tokenizer, the knowledge, the directory's
// synonyms (or the bundled ones) and the index built from them. The server, the CLI, the benches and the
// tests all start here, so they search exactly as the bot does.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { BUNDLED_SYNONYMS } from "../config/server-config.js";
import type { KnowledgeBase } from "../knowledge/knowledge-base.js";
import { loadKnowledgeCachedOrThrow } from "../knowledge/cache/knowledge-snapshot.js";
import { createJapaneseTokenizer, type JapaneseTokenizer } from "../text/tokenizer.js";
import { SearchIndex, type BuildOptions, type SearchIndexSource } from "./search-index.js";
import { loadSynonyms } from "./synonyms.js";
import { openSavedIndex, type OpenedIndex } from "./saved-index.js";
import { searchIndexCodec } from "./index-codec.js";

export interface IndexOptions {
  /** Where start-up caches are kept (knowledge snapshot, saved index); null or absent: none (tests, benches of the build). */
  cacheDir?: string | null;
  /** Synonyms used when the knowledge directory has no synonyms.yaml (default: the bundled ones; null: none). */
  fallbackSynonyms?: string | null;
  /** Indexes this instead of the knowledge itself (the bench's synthetic country-sized source). */
  source?: (knowledge: KnowledgeBase) => SearchIndexSource;
  build?: BuildOptions;
}

export interface OpenSearchOptions extends IndexOptions {
  knowledgeDir: string;
  /** A tokenizer already loading or loaded (the dictionary takes a while); a new one otherwise. */
  tokenizer?: JapaneseTokenizer | Promise<JapaneseTokenizer>;
}

export interface OpenedSearch {
  tokenizer: JapaneseTokenizer;
  knowledge: KnowledgeBase;
  index: SearchIndex;
  /** How long building or reading the index took, synonyms included (the benches report it). */
  buildMs: number;
  /** "saved" when the index was read from its file; otherwise why it was built. */
  indexSource: OpenedIndex<SearchIndex>["source"];
}

/**
 * Loads and validates the knowledge (a KnowledgeError names file, entry and field) and opens its index.
 * A saved index is read before the tokenizer's dictionary loads: the dictionary's 70 MB of buffers make
 * the garbage collector run soon after, which would otherwise land in the middle of reading the index.
 */
export async function openSearch(o: OpenSearchOptions): Promise<OpenedSearch> {
  const knowledge = await loadKnowledgeCachedOrThrow(o.knowledgeDir, o.cacheDir ?? null);
  let loaded: JapaneseTokenizer | undefined;
  const tokenizer = async () => (loaded ??= await (o.tokenizer ?? createJapaneseTokenizer()));
  if (!o.cacheDir) await tokenizer(); // nothing saved to read first: the index is built, and buildMs is the build alone
  const opened = await openIndex(
    knowledge,
    lateTokenizer(() => loaded),
    o,
    tokenizer,
  );
  return {
    tokenizer: await tokenizer(),
    knowledge,
    index: opened.index,
    buildMs: opened.ms,
    indexSource: opened.source,
  };
}

/** A tokenizer whose dictionary is given later (before the first question: openSearch loads it before returning). */
function lateTokenizer(get: () => JapaneseTokenizer | undefined): JapaneseTokenizer {
  const real = () =>
    get() ??
    (() => {
      throw new Error("the tokenizer is not loaded yet");
    })();
  return {
    tokenize: (text) => real().tokenize(text),
    readings: (surface) => real().readings(surface),
    get dictionarySource() {
      return real().dictionarySource;
    },
  };
}

/** The index for this knowledge: read from its saved file when that matches, else built and saved (with o.cacheDir). */
export function openIndex(
  knowledge: KnowledgeBase,
  tokenizer: JapaneseTokenizer,
  o: IndexOptions = {},
  /** The tokenizer to build with, when `tokenizer` only stands for one not loaded yet. */
  building: () => Promise<JapaneseTokenizer> = async () => tokenizer,
): Promise<OpenedIndex<SearchIndex>> {
  return openSavedIndex({
    // An index of another source than the knowledge (the bench's synthetic country) is not saved.
    cacheDir: o.source ? null : (o.cacheDir ?? null),
    knowledge,
    inputs: indexInputs(knowledge.dir, o.fallbackSynonyms),
    variant: o.build?.sudachi === false ? "without-sudachi" : "",
    codec: searchIndexCodec(tokenizer),
    build: async () => indexKnowledge(knowledge, await building(), o),
  });
}

/** The files besides the knowledge an index is built from: the fallback synonyms, when the directory has none of its own. */
export function indexInputs(knowledgeDir: string, fallbackSynonyms: string | null | undefined): string[] {
  if (existsSync(join(knowledgeDir, "synonyms.yaml"))) return [];
  const fallback = fallbackSynonyms === null ? undefined : (fallbackSynonyms ?? BUNDLED_SYNONYMS);
  return fallback && existsSync(fallback) ? [fallback] : [];
}

/** The index for knowledge already loaded and validated (the server's reload calls this after validating). */
export async function indexKnowledge(
  knowledge: KnowledgeBase,
  tokenizer: JapaneseTokenizer,
  o: IndexOptions = {},
): Promise<SearchIndex> {
  const fallback = o.fallbackSynonyms === null ? undefined : (o.fallbackSynonyms ?? BUNDLED_SYNONYMS);
  const synonyms = await loadSynonyms(knowledge.dir, fallback);
  return SearchIndex.build(o.source ? o.source(knowledge) : knowledge, tokenizer, synonyms, o.build);
}
