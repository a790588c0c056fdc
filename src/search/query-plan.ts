// What a question becomes before it is searched: a list of concepts (the topic words the resident wrote),
// each with the terms that count as finding it, and a boost for every term.
//   「がくどうに入れたい」 → hiragana run がくどう read as 学童 (reading lexicon) → synonym 学童 →
//   concept 学童 {terms: 学童, =がくどう …; expansions: 留守家庭児童クラブ, 放課後児童クラブ …}, concept 入れる.
// A municipality named in the question is taken out of the concepts and becomes the search's scope.
import type { JapaneseTokenizer } from "../text/tokenizer.js";
import { analyzeWords, compoundTerms, compoundOf, charNgrams, READING_PREFIX, KANJI_READING_PREFIX, COMPOUND_PREFIX, type AnalyzedWord } from "../text/analyze.js";
import { termKey, hasKana, isHiragana } from "../text/normalize.js";
import { isAspectTerm } from "../text/stop-terms.js";
import type { CompiledSynonyms, Expansion } from "./synonyms.js";
import type { ReadingLexicon } from "./reading-lexicon.js";
import type { MunicipalityMatcher } from "./municipality-mention.js";
import { rewriteKanaRuns, type Unit } from "./kana-runs.js";
import { matchSynonyms, range } from "./synonym-match.js";
import { TERM_BOOSTS, ASPECT_WEIGHTS, conceptWeight } from "./ranking.js";

/** A term that shows the concept, and how surely (1: its own word; 0.9: its reading; 0.3: a kanji homophone). */
export interface ConceptTerm {
  term: string;
  found: number;
}

export interface Concept {
  /** As the question wrote it (or the synonym word it matched). */
  label: string;
  /** How much finding it matters for deciding whether anything fits (nouns count more than verbs). */
  weight: number;
  /** How much not finding it matters (more than finding it, for aspect words: 開館時間 missing is telling). */
  missingWeight: number;
  /** Its own words, readings and the compounds it makes with its neighbours. */
  terms: ConceptTerm[];
  expansions: Expansion[];
  grams: string[];
}

export interface QueryPlan {
  query: string;
  /** A municipality the question names. */
  municipality?: string;
  concepts: Concept[];
  /** Compounds of neighbouring words: extra score for phrase matches, not needed to count as found. */
  bonus: string[];
  /** Every distinct term with its boost. */
  boosts: Map<string, number>;
}

export interface QueryPlanner {
  plan(query: string): QueryPlan;
}

export function createQueryPlanner(deps: { tokenizer: JapaneseTokenizer; synonyms: CompiledSynonyms; lexicon: ReadingLexicon; municipalities: MunicipalityMatcher }): QueryPlanner {
  return {
    plan(query: string): QueryPlan {
      const words = analyzeWords(query, deps.tokenizer);
      const mention = deps.municipalities.find(words.map((w) => w.surface).join(""));
      const kept = mention ? dropSpan(words, mention.start, mention.end) : words;
      const units = rewriteKanaRuns(kept, deps.lexicon);
      const concepts = buildConcepts(units, deps.synonyms);
      const bonus = compoundTerms(units);
      return { query, municipality: mention?.municipality, concepts, bonus, boosts: termBoosts(concepts, bonus) };
    },
  };
}

/** Words inside [start, end) of the joined surfaces are turned into dropped words. */
function dropSpan(words: readonly AnalyzedWord[], start: number, end: number): AnalyzedWord[] {
  let at = 0;
  return words.map((w) => {
    const from = at;
    at += w.surface.length;
    return from < end && at > start ? { ...w, role: "drop" as const } : w;
  });
}

function buildConcepts(units: readonly Unit[], synonyms: CompiledSynonyms): Concept[] {
  const concepts: Concept[] = [];
  const claimed = matchSynonyms(units, synonyms);
  const seen = new Set<string>();
  units.forEach((u, i) => {
    const match = claimed.get(i);
    if (match) {
      if (match.first !== i) return;
      const span = range(match.first, match.last).filter((k) => units[k]!.role === "content");
      // In a phrase (学童保育) each word alone shows the phrase only in part; the phrase's compounds fully.
      const part = span.length > 1 ? 0.5 : 1;
      const own = span.flatMap((k) => unitTerms(units, k)).map((t) => (t.term.startsWith(COMPOUND_PREFIX) ? t : { ...t, found: t.found * part }));
      const terms = [{ term: match.key, found: 1 }, ...own];
      // A synonym word is a topic word, unless it is one verb, adjective or aspect word (もらえる, 預ける).
      const single = span.length === 1 && match.first === match.last ? units[span[0]!]! : undefined;
      // Made of question words only (いくら, どこで): what the resident wants to know, weighed as an aspect.
      const aspectOnly = span.every((k) => isAspectTerm(units[k]!.key));
      const weights = aspectOnly ? ASPECT_WEIGHTS : single ? synonymWordWeight(single) : conceptWeight("名詞", match.key);
      concepts.push({ label: match.text, ...weights, terms: dedupe(terms), expansions: [...synonyms.expansionsOf(match.key)], grams: charNgrams(match.text) });
      return;
    }
    if (u.role !== "content" || seen.has(u.key)) return;
    seen.add(u.key);
    concepts.push({ label: u.surface, ...conceptWeight(u.pos, u.key), terms: dedupe(unitTerms(units, i)), expansions: [], grams: charNgrams(u.surface) });
  });
  return concepts;
}

/** A verb the synonyms file knows (引っ越す → 移住, 預ける → 保育) names a topic more than other verbs do. */
function synonymWordWeight(u: Unit): { weight: number; missingWeight: number } {
  return u.pos === "名詞" ? conceptWeight(u.pos, u.key) : { weight: 0.6, missingWeight: 0.6 };
}

/** The terms that show unit i: its word, readings, homophones and parts, and compounds with its neighbours. */
function unitTerms(units: readonly Unit[], i: number): ConceptTerm[] {
  const u = units[i]!;
  const terms: ConceptTerm[] = [{ term: u.key, found: 1 }];
  // A word written in kana (こども) is its own reading: it meets 子ども and 子供 through theirs.
  const reading = u.reading ?? (u.pos === "名詞" && isHiragana(u.key) ? u.key : undefined);
  if (reading) {
    terms.push({ term: READING_PREFIX + reading, found: 0.9 }, { term: reading, found: 0.9 });
    terms.push({ term: KANJI_READING_PREFIX + reading, found: hasKana(u.surface) ? 0.9 : 0.3 });
  }
  for (const a of u.alternatives ?? []) terms.push({ term: a, found: 0.9 });
  for (const p of u.parts ?? []) terms.push({ term: p, found: 0.6 });
  for (const c of [i > 0 ? compoundOf(units[i - 1]!, u) : undefined, i + 1 < units.length ? compoundOf(u, units[i + 1]!) : undefined]) {
    if (c) terms.push({ term: c, found: 1 });
  }
  return terms;
}

function dedupe(terms: readonly ConceptTerm[]): ConceptTerm[] {
  const best = new Map<string, number>();
  for (const t of terms) best.set(t.term, Math.max(t.found, best.get(t.term) ?? 0));
  return [...best].map(([term, found]) => ({ term, found }));
}

function termBoosts(concepts: readonly Concept[], bonus: readonly string[]): Map<string, number> {
  const boosts = new Map<string, number>();
  const put = (term: string, boost: number) => boosts.set(term, Math.max(boost, boosts.get(term) ?? 0));
  for (const c of concepts) {
    for (const t of c.terms) put(t.term, t.found === 1 ? TERM_BOOSTS.word : t.found * TERM_BOOSTS.reading);
    for (const e of c.expansions) for (const t of e.terms) put(t, /^[~=]/u.test(t) ? TERM_BOOSTS.synonymReading : TERM_BOOSTS.synonym);
    for (const g of c.grams) put(g, TERM_BOOSTS.gram);
  }
  for (const b of bonus) put(b, TERM_BOOSTS.compound);
  return boosts;
}
