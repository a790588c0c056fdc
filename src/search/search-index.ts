// The search over programs and FAQ entries (docs/search.md states the model; model.ts holds its numbers):
//   question → Analysis (once) → QueryPlan (one group per word, synonyms, readings, bigrams)
//   → BM25F + bigram channel over the packed index → per entry: what matched, coverage, confidence
//   → noMatch when the best entry's confidence is under one threshold; entries under the floor never listed.
import type { Faq, Municipality, Program } from "../knowledge/schema.js";
import type { SynonymGroup } from "../knowledge/synonyms-schema.js";
import type { JapaneseTokenizer } from "../text/tokenizer.js";
import { analyzeWords, type AnalyzedWord } from "../text/analyze.js";
import { analyzeMessage, type Analysis } from "../text/analysis.js";
import { foldKana, isHiragana, isKana, normalize, termKey } from "../text/normalize.js";
import { STOP_WORDS, isAspectTerm } from "../text/stop-terms.js";
import { faqDocument, programDocument, type EntryRef, type EntryType, type IndexDocument } from "./entry-document.js";
import { ReadingLexicon, type KanjiReadings } from "./reading-lexicon.js";
import { SlipLexicon } from "./slip-lexicon.js";
import { MunicipalityMatcher } from "./municipality-mention.js";
import { compileSynonyms, type CompiledSynonyms } from "./synonyms.js";
import { createQueryPlanner, type QueryPlan, type QueryPlanner } from "./query-plan.js";
import { TermLookup, type PackedIndex } from "./term-index.js";
import { IndexBuilder } from "./index-builder.js";
import { prepare, scoreEntries, type PreparedQuery, type Scored } from "./scorer.js";
import { topEntries } from "./top-k.js";
import { listCandidates, type SearchHit } from "./listing.js";
import { ScopeRanges } from "./scope-ranges.js";
import { confidence, evidenceFor, rankValue } from "./evidence.js";
import { topicAgreement } from "./topic-agreement.js";
import { sudachiSynonyms, loadSudachiGroups, type SudachiSynonyms } from "./sudachi-synonyms.js";
import { MODEL } from "./model.js";

export interface SearchOptions {
  /** The deployment's scope: a municipality's full or short name; null/absent: every municipality. */
  municipality?: string | null;
  type?: EntryType;
  category?: string;
  /** How many results (default 5). */
  top?: number;
  /** Score every posting instead of pruning (the same results, slower: tests compare the two). */
  exhaustive?: boolean;
}

export type { SearchHit };

export interface SearchResponse {
  noMatch: boolean;
  results: SearchHit[];
  /** The question's topic words (nouns) no returned hit contains. */
  unmatched: string[];
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
  /** Called every 1,000 entries analyzed, then once indexed (the 260,000-entry benchmark prints progress). */
  onProgress?: (done: number, total: number, phase: "analyzed" | "indexed") => void;
  /** Sudachi's synonyms under the curated ones (default true). */
  sudachi?: boolean;
}

/** Everything a search index is made of, as built (index-codec.ts saves and restores exactly this). */
export interface SearchIndexParts {
  packed: PackedIndex;
  refs: readonly EntryRef[];
  /** Every form of a municipality's name (termKey) → its full name. */
  names: ReadonlyMap<string, string>;
  synonyms: CompiledSynonyms;
  sudachi?: SudachiSynonyms;
  lexicon: ReadingLexicon;
  slips: SlipLexicon;
  municipalities: MunicipalityMatcher;
}

/** What the index derives from its parts, when made beforehand (a reload decodes them a step at a time). */
export interface Prepared {
  lookup?: TermLookup;
  scopes?: ScopeRanges;
}

export class SearchIndex {
  private readonly lookup: TermLookup;
  private readonly refs: readonly EntryRef[];
  private readonly planner: QueryPlanner;
  private readonly names: ReadonlyMap<string, string>;
  private readonly scopes: ScopeRanges;
  private readonly recentPlans = new Map<string, QueryPlan>();
  /** Plans of analyses a caller passes (a turn searches its message in its scope, then everywhere). */
  private readonly analysedPlans = new WeakMap<Analysis, QueryPlan>();
  readonly size: number;
  /** How many of Sudachi's groups touch the index vocabulary (0 when not used). */
  readonly sudachiGroups: number;

  private constructor(
    readonly parts: SearchIndexParts,
    private readonly tokenizer: JapaneseTokenizer,
    made: Prepared = {},
  ) {
    const lookup = made.lookup ?? new TermLookup(parts.packed);
    this.lookup = lookup;
    this.refs = parts.refs;
    this.names = parts.names;
    this.size = parts.refs.length;
    this.scopes = made.scopes ?? new ScopeRanges(parts.refs);
    this.sudachiGroups = parts.sudachi?.groups ?? 0;
    const knownTerm = (term: string) => lookup.df(term) > 0;
    const reanalyze = (text: string) => analyzeWords(text, tokenizer);
    this.planner = createQueryPlanner({
      synonyms: parts.synonyms,
      sudachi: parts.sudachi,
      lexicon: parts.lexicon,
      slips: parts.slips,
      kanjiReadings: foldedKanjiReadings(tokenizer),
      municipalities: parts.municipalities,
      knownTerm,
      reanalyze,
    });
  }

  /** The index made of parts a build produced (a saved index, or one built in another thread). */
  static fromParts(parts: SearchIndexParts, tokenizer: JapaneseTokenizer, made?: Prepared): SearchIndex {
    return new SearchIndex(parts, tokenizer, made);
  }

  static build(
    source: SearchIndexSource,
    tokenizer: JapaneseTokenizer,
    synonymGroups: readonly SynonymGroup[],
    options: BuildOptions = {},
  ): SearchIndex {
    const lexicon = new ReadingLexicon();
    const kanjiReadings = foldedKanjiReadings(tokenizer);
    const slips = new SlipLexicon();
    const learn = (words: readonly AnalyzedWord[]) => {
      lexicon.addWords(words, kanjiReadings);
      slips.addWords(words);
    };
    const total = source.programs.length + source.faqs.length;
    const refs: EntryRef[] = [];
    const builder = new IndexBuilder((text) => analyzeWords(text, tokenizer), learn);
    const add = (doc: IndexDocument) => {
      refs.push(doc.ref);
      builder.add(doc.texts);
      if (refs.length % 1000 === 0) options.onProgress?.(refs.length, total, "analyzed");
    };
    for (const p of source.programs) add(programDocument(p));
    for (const f of source.faqs) add(faqDocument(f));
    const lookup = new TermLookup(builder.pack());
    options.onProgress?.(total, total, "indexed");
    const synonyms = compileSynonyms(synonymGroups, tokenizer);
    learnSynonymReadings(synonyms, tokenizer, lexicon);
    learnStopReadings(tokenizer, lexicon);
    const knownTerm = (term: string) => lookup.df(term) > 0;
    const sudachi: SudachiSynonyms | undefined =
      options.sudachi === false ? undefined : sudachiSynonyms(loadSudachiGroups(), knownTerm);
    const municipalities = new MunicipalityMatcher(source.municipalities);
    const parts = {
      packed: lookup.index,
      refs,
      names: municipalityNames(source.municipalities),
      synonyms,
      sudachi,
      lexicon,
      slips,
      municipalities,
    };
    return new SearchIndex(parts, tokenizer, { lookup });
  }

  /** The question as text, or analysed once by the caller (the conversation engine). */
  search(query: string | Analysis, options: SearchOptions = {}): SearchResponse {
    const { prepared, best, content } = this.candidates(query, options);
    // Ordered by the model's rank (score, coverage and found mass together); confidence decides what is
    // listed at all (listing.ts: rank's hits, sorted and filtered, without building every one).
    const listing = prepared
      ? listCandidates(prepared, best, this.refs, this.lookup, options.top ?? 5)
      : { best: 0, results: [] };
    if (listing.best < MODEL.noMatch) return { noMatch: true, results: [], unmatched: content };
    const { results } = listing;
    const seen = new Set(results.flatMap((r) => r.matched.map((m) => m.term)));
    return { noMatch: false, results, unmatched: content.filter((w) => !seen.has(w)) };
  }

  /**
   * Every candidate with its score, coverage and confidence, before any threshold (npm run eval fits on
   * these); unrounded, so entries that are all nearly sure still rank by how sure.
   */
  rank(
    query: string | Analysis,
    options: SearchOptions = {},
  ): {
    hits: (SearchHit & { coverage: number; have: number; missing: number[]; agreement: number; rank: number })[];
    content: string[];
  } {
    const { prepared, best, content } = this.candidates(query, options);
    if (!prepared) return { hits: [], content };
    const agreement = topicAgreement(best.map((s) => this.refs[s.doc]!.topics));
    const hits = best.map((s) => {
      const e = evidenceFor(prepared, this.lookup, s.doc);
      const { type, id, municipality, name } = this.refs[s.doc]!;
      const features = { coverage: e.coverage, score: s.score, foundMass: e.have, agreement, faq: type === "faq" };
      return {
        type,
        id,
        municipality,
        name,
        score: s.score,
        confidence: confidence(features),
        rank: rankValue(features),
        agreement,
        matched: e.matched,
        coverage: e.coverage,
        have: e.have,
        missing: e.missing,
      };
    });
    return { hits, content };
  }

  /** The candidates before evidence: entry numbers and exact scores, best first (tests compare the scorers). */
  candidates(
    query: string | Analysis,
    options: SearchOptions = {},
  ): { prepared?: PreparedQuery; best: Scored[]; content: string[] } {
    const plan = this.planOf(query);
    // The topics the question names (nouns): an aspect (電話, 手続き) or a verb missing is not a missing topic.
    const content = plan.groups.filter((g) => g.kind === "noun").map((g) => g.label);
    if (plan.groups.length === 0) return { best: [], content };
    const scope = options.municipality
      ? (this.resolveMunicipality(options.municipality) ?? options.municipality)
      : plan.municipality;
    const accept = (doc: number) => {
      const ref = this.refs[doc]!;
      return (
        (!scope || ref.municipality === null || ref.municipality === scope) &&
        (!options.type || ref.type === options.type) &&
        (!options.category || ref.categories.includes(options.category))
      );
    };
    const prepared = prepare(plan, this.lookup);
    const best = options.exhaustive
      ? scoreEntries(prepared, this.lookup, accept)
      : topEntries(prepared, this.lookup, this.scopes.of(scope), accept);
    return { prepared, best, content };
  }

  explain(query: string | Analysis): QueryExplanation {
    const analysis = typeof query === "string" ? analyzeMessage(query, this.tokenizer) : query;
    const plan = this.planner.plan(analysis);
    return {
      query: analysis.text,
      municipality: plan.municipality,
      terms: [...new Set([...plan.groups.flatMap((g) => g.terms.map((t) => t.term)), ...plan.compounds])],
      concepts: plan.groups.map((g) => ({
        label: g.label,
        weight: MODEL.words[g.kind],
        words: g.terms.filter((t) => !t.expanded).map((t) => t.term),
        synonyms: g.terms.filter((t) => t.expanded).map((t) => t.term),
      })),
    };
  }

  /**
   * The question's plan; a text asked again soon (a turn searches its message in its scope, then across every
   * municipality) is read from the last few plans. Plans are never changed once made.
   */
  private planOf(query: string | Analysis): QueryPlan {
    if (typeof query !== "string") {
      let plan = this.analysedPlans.get(query);
      if (!plan) this.analysedPlans.set(query, (plan = this.planner.plan(query)));
      return plan;
    }
    const known = this.recentPlans.get(query);
    if (known) return known;
    const plan = this.planner.plan(analyzeMessage(query, this.tokenizer));
    if (this.recentPlans.size >= RECENT_PLANS) this.recentPlans.delete(this.recentPlans.keys().next().value!);
    this.recentPlans.set(query, plan);
    return plan;
  }

  /** The tokenizer the index reads questions with (the engine analyses a message once with it). */
  analyze(text: string): Analysis {
    return analyzeMessage(text, this.tokenizer);
  }

  /** The full name for what a caller passes as scope ("伊万里", "いまりし", "imari"), if it is known. */
  resolveMunicipality(input: string): string | undefined {
    return this.names.get(termKey(input));
  }
}

/** Plans kept for texts asked again (a turn's message, a few words of it). */
const RECENT_PLANS = 16;

/** A kanji's dictionary readings, folded, looked up once per kanji of the build (the same kanji recurs in thousands of compounds). */
function foldedKanjiReadings(tokenizer: JapaneseTokenizer): KanjiReadings {
  const known = new Map<string, readonly string[]>();
  return (kanji) => {
    let readings = known.get(kanji);
    if (!readings) known.set(kanji, (readings = tokenizer.readings(kanji).map(foldKana)));
    return readings;
  };
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
    if (topical && readings.every((r) => r !== undefined))
      lexicon.addPhrase(termKey(word), foldKana(readings.join("")), parts);
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
    for (const form of [m.name, m.name.replace(/[市町村区]$/u, ""), m.slug, m.reading])
      if (form) names.set(termKey(form), m.name);
  }
  return names;
}
