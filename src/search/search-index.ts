// The search over programs and FAQ entries (docs/search.md explains the whole pipeline):
//   question → QueryPlan (concepts, synonyms, readings, n-grams) → the shards in scope → BM25 × coverage
//   → noMatch when the best entry covers too little of the question.
import type { Faq, Municipality, Program } from "../knowledge/schema.js";
import type { SynonymGroup } from "../knowledge/synonyms-schema.js";
import type { JapaneseTokenizer } from "../text/tokenizer.js";
import { analyzeWords, type AnalyzedWord } from "../text/analyze.js";
import { foldKana, isHiragana, isKana, normalize, termKey } from "../text/normalize.js";
import { STOP_WORDS, isAspectTerm } from "../text/stop-terms.js";
import { faqDocument, programDocument, type EntryRef, type EntryType, type IndexDocument } from "./entry-document.js";
import { IndexShard, type ShardHit } from "./index-shard.js";
import { ReadingLexicon } from "./reading-lexicon.js";
import { MunicipalityMatcher } from "./municipality-mention.js";
import { compileSynonyms, type CompiledSynonyms } from "./synonyms.js";
import { createQueryPlanner, type QueryPlanner } from "./query-plan.js";
import { NO_MATCH_COVERAGE, NO_MATCH_EVIDENCE } from "./ranking.js";

export interface SearchOptions {
  /** The deployment's scope: a municipality's full or short name; null/absent: every municipality. */
  municipality?: string | null;
  type?: EntryType;
  category?: string;
  /** How many results (default 5). */
  top?: number;
}

export interface SearchHit {
  type: EntryType;
  id: string;
  municipality: string | null;
  name: string;
  score: number;
}

export interface SearchResponse {
  noMatch: boolean;
  results: SearchHit[];
}

export interface QueryExplanation {
  query: string;
  /** The municipality the question names, if any. */
  municipality?: string;
  /** Every term searched for. */
  terms: string[];
  concepts: { label: string; weight: number; words: string[]; synonyms: string[] }[];
}

export interface SearchIndexSource {
  programs: readonly Program[];
  faqs: readonly Faq[];
  municipalities: readonly Municipality[];
}

export interface BuildOptions {
  /** Called every 1,000 entries analyzed, then after each shard is indexed (the 260,000-entry benchmark prints progress). */
  onProgress?: (done: number, total: number, phase: "analyzed" | "indexed") => void;
}

/**
 * Entries are sharded by prefecture: a question scoped to a municipality searches its prefecture's index
 * only (and keeps that municipality's entries), so its cost does not grow with the country, while the
 * vocabulary of similar municipalities is stored once per prefecture rather than once per municipality
 * (at 1,734 municipalities that difference is most of the memory). Entries without a municipality (a
 * national FAQ file) have their own shard, searched in every scope.
 */
const SHARED = "";

export class SearchIndex {
  private constructor(
    private readonly shards: ReadonlyMap<string, IndexShard>,
    /** Municipality → the key of its shard (its prefecture). */
    private readonly shardOf: ReadonlyMap<string, string>,
    private readonly planner: QueryPlanner,
    private readonly names: ReadonlyMap<string, string>,
    readonly size: number,
  ) {}

  static build(source: SearchIndexSource, tokenizer: JapaneseTokenizer, synonymGroups: readonly SynonymGroup[], options: BuildOptions = {}): SearchIndex {
    const lexicon = new ReadingLexicon();
    const learn = (words: Parameters<ReadingLexicon["addWords"]>[0]) => lexicon.addWords(words);
    const total = source.programs.length + source.faqs.length;
    const byShard = new Map<string, IndexDocument[]>();
    const shardOf = new Map(source.municipalities.map((m) => [m.name, `${m.prefecture}/`]));
    let count = 0;
    const add = (doc: IndexDocument) => {
      const city = doc.ref.municipality;
      const shard = city === null ? SHARED : shardOf.get(city) ?? city;
      if (!byShard.has(shard)) byShard.set(shard, []);
      byShard.get(shard)!.push(doc);
      if (++count % 1000 === 0) options.onProgress?.(count, total, "analyzed");
    };
    // Texts that repeat (a department, a category, the same program in many municipalities) are read once.
    const analyzed = new Map<string, readonly AnalyzedWord[]>();
    const analyze = (text: string) => analyzed.get(text) ?? analyzed.set(text, analyzeWords(text, tokenizer)).get(text)!;
    for (const p of source.programs) add(programDocument(p, analyze, learn));
    for (const f of source.faqs) add(faqDocument(f, analyze, learn));
    analyzed.clear();
    const synonyms = compileSynonyms(synonymGroups, tokenizer);
    learnSynonymReadings(synonyms, tokenizer, lexicon);
    learnStopReadings(tokenizer, lexicon);
    let indexed = 0;
    const shards = new Map([...byShard].map(([name, docs]) => {
      const shard = new IndexShard(docs);
      options.onProgress?.((indexed += docs.length), total, "indexed");
      return [name, shard];
    }));
    const municipalities = new MunicipalityMatcher(source.municipalities);
    const knownTerm = (term: string) => [...shards.values()].some((shard) => shard.has(term));
    const planner = createQueryPlanner({ tokenizer, synonyms, lexicon, municipalities, knownTerm });
    return new SearchIndex(shards, shardOf, planner, municipalityNames(source.municipalities), total);
  }

  search(query: string, options: SearchOptions = {}): SearchResponse {
    const plan = this.planner.plan(query);
    if (plan.concepts.length === 0) return { noMatch: true, results: [] };
    const scope = options.municipality ? this.resolveMunicipality(options.municipality) ?? options.municipality : plan.municipality;
    const accept = (ref: EntryRef) =>
      (!scope || ref.municipality === null || ref.municipality === scope) && (!options.type || ref.type === options.type) && (!options.category || ref.categories.includes(options.category));
    const hits = this.shardsInScope(scope).flatMap((s) => s.search(plan, accept, s === this.shards.get(SHARED) ? undefined : scope));
    hits.sort((a, b) => b.score - a.score);
    const best = hits[0];
    if (!best || best.coverage < NO_MATCH_COVERAGE || best.evidence < NO_MATCH_EVIDENCE) return { noMatch: true, results: [] };
    return { noMatch: false, results: hits.slice(0, options.top ?? 5).map(toHit) };
  }

  explain(query: string): QueryExplanation {
    const plan = this.planner.plan(query);
    return {
      query,
      municipality: plan.municipality,
      terms: [...plan.boosts.keys()],
      concepts: plan.concepts.map((c) => ({
        label: c.label,
        weight: c.weight,
        words: [...c.terms.map((t) => t.term), ...(c.phrase?.compounds ?? []), ...(c.phrase?.parts.flat().map((t) => t.term) ?? [])],
        synonyms: c.expansions.map((e) => e.text),
      })),
    };
  }

  /** The full name for what a caller passes as scope ("伊万里", "いまりし", "imari"), if it is known. */
  resolveMunicipality(input: string): string | undefined {
    return this.names.get(termKey(input));
  }

  private shardsInScope(scope: string | undefined): IndexShard[] {
    if (!scope) return [...this.shards.values()];
    return [this.shards.get(this.shardOf.get(scope) ?? scope), this.shards.get(SHARED)].filter((s): s is IndexShard => s !== undefined);
  }
}

function toHit(h: ShardHit): SearchHit {
  const { type, id, municipality, name } = h.ref;
  return { type, id, municipality, name, score: Math.round(h.score * 1000) / 1000 };
}

/** Synonym words join the reading lexicon whole, so がくどう reads as 学童 and がくどうほいく as 学童保育. */
function learnSynonymReadings(synonyms: CompiledSynonyms, tokenizer: JapaneseTokenizer, lexicon: ReadingLexicon): void {
  for (const word of synonyms.sourceWords) {
    const tokens = analyzeWords(word, tokenizer);
    const readings = tokens.map((t) => t.reading ?? (isHiragana(t.key) ? t.key : undefined));
    const parts = tokens.filter((t) => t.role === "content").map((t) => t.key);
    // Words of grammar and question words only (どこに, いつまで) are matched as written, not by reading.
    const content = tokens.filter((t) => t.role === "content");
    const topical = content.length === 0 || !content.every((t) => isAspectTerm(t.key));
    if (topical && readings.every((r) => r !== undefined)) lexicon.addPhrase(termKey(word), foldKana(readings.join("")), parts);
  }
}

/** Stop terms join it too, so しやくしょ is read as 市役所 (and dropped) rather than as unrelated words. */
function learnStopReadings(tokenizer: JapaneseTokenizer, lexicon: ReadingLexicon): void {
  for (const word of STOP_WORDS) {
    const tokens = tokenizer.tokenize(normalize(word));
    const readings = tokens.map((t) => t.reading ?? (isKana(t.surface) ? t.surface : undefined));
    if (readings.every((r) => r !== undefined)) lexicon.addStopWord(termKey(word), foldKana(readings.join("")));
  }
}

function municipalityNames(municipalities: readonly Municipality[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const m of municipalities) {
    for (const form of [m.name, m.name.replace(/[市町村区]$/u, ""), m.slug, m.reading]) if (form) names.set(termKey(form), m.name);
  }
  return names;
}
