// How candidates are ranked and when nothing fits. minisearch finds every entry that shares a term with the
// question and gives its BM25 score; ranking then works per concept (a topic word of the question):
// - found:  how far the entry contains the concept: its own word 1, its reading 0.9, a synonym's words
//           up to 0.85, most of its character bigrams up to 0.7;
// - where:  a concept found in the name counts more than one found in the description;
// - weight: nouns count more than verbs, and a concept few entries contain more than a common one (idf).
// An entry's score is the sum over concepts of the best way it contains each, so twenty synonyms of one
// word cannot outweigh two different words of the question; BM25 only breaks near-ties.
// coverage, the weighted share of the concepts an entry contains, decides "nothing fits".
import { isAspectTerm, isQuestionWord } from "../text/stop-terms.js";
import type { FieldName } from "./fields.js";
import type { Concept } from "./query-plan.js";

/** Query-side weights of each kind of term (minisearch's BM25, used for candidates and tie-breaks). */
export const TERM_BOOSTS = {
  word: 1,
  reading: 0.6,
  synonym: 0.8,
  synonymReading: 0.5,
  compound: 0.8,
  gram: 0.25,
} as const;

/** How much a concept found in each field says about the entry. */
const FIELD_WEIGHT: Record<FieldName, number> = {
  name: 1, aliases: 1, question: 1, grams: 0.9,
  summary: 0.6, eligibility: 0.6, benefits: 0.6, answer: 0.6, categories: 0.5, department: 0.3,
};

/**
 * How much each concept counts when an entry has it and when it lacks it: topic nouns 1 either way; verbs and
 * adjectives little either way; aspect words (予約, 手続き, 時間) little when present (every program has
 * procedures), more when absent (an entry that never mentions 開館時間 does not answer a question about it).
 */
export function conceptWeight(pos: string, key: string): { weight: number; missingWeight: number } {
  if (isQuestionWord(key)) return QUESTION_WEIGHTS;
  if (pos !== "名詞") return VERB_WEIGHTS;
  return isAspectTerm(key) ? ASPECT_WEIGHTS : { weight: 1, missingWeight: 1 };
}

export const ASPECT_WEIGHTS = { weight: 0.3, missingWeight: 0.6, aspect: true } as const;
/** Question words (いつ, どこ, いくら) are no topic: found they help, missing they cost nothing. */
export const QUESTION_WEIGHTS = { weight: 0.3, missingWeight: 0 } as const;
/**
 * Verbs and adjectives (受ける, 構える, 替える) say what the resident will do, seldom what about: an entry
 * that names the topic answers 「講座を受けたい」 whether or not it writes 受ける.
 */
export const VERB_WEIGHTS = { weight: 0.3, missingWeight: 0.1 } as const;
/** A verb the synonyms file knows (引っ越す → 移住) names a topic. */
export const KNOWN_VERB_WEIGHTS = { weight: 0.6, missingWeight: 0.3 } as const;
/**
 * A place name other than the municipality in scope (東京都の出産祝い金 asked of 飯塚市) asks about that
 * place: missing, it weighs more than a topic. As an origin (東京から引っ越す) or beside a municipality
 * the question names, it is background.
 */
export const PLACE_MISSING_WEIGHT = 2;
export const PLACE_BACKGROUND_WEIGHT = 0.3;

/**
 * The weighted share of the concepts an entry contains, from 0 to 1. What it contains counts by where:
 * a concept in the name says the entry is about it; one in the description may be a detail (店舗家賃 in a
 * start-up program does not make it answer 「市営住宅の家賃」).
 */
export function coverage(concepts: readonly Concept[], matches: readonly ConceptMatch[], specificity: readonly number[]): number {
  // A specific word found in the entry's name counts by its specificity; the aspects asked about it (its
  // 開館時間, its 予約) count in proportion, so a rare name does not answer every question about it.
  const weighed = matches.map((m, i) => (m.found >= EXACT_FOUND && m.strength >= NAME_STRENGTH ? Math.max(1, specificity[i]!) : Math.min(1, specificity[i]!)));
  const topic = Math.max(1, ...weighed.filter((_, i) => matches[i]!.found >= EXACT_FOUND));
  let found = 0;
  const lacking: number[] = [];
  concepts.forEach((c, i) => {
    const m = matches[i]!;
    found += c.weight * m.evidence * weighed[i]!;
    lacking.push(c.missingWeight * (1 - m.found) * (isAspectConcept(c) ? topic : 1));
  });
  // Each further word the entry lacks says less than the one before: a long, rambling question (子どもが熱を
  // 出した後…仕事を休めない…) lacks many everyday words, a question about another topic lacks its topic.
  const missing = lacking.sort((a, b) => b - a).reduce((sum, w, k) => sum + w / (k + 1), 0);
  return found + missing === 0 ? 0 : found / (found + missing);
}

/** Found as its own word or reading (not only by a synonym or bigrams). */
const EXACT_FOUND = 0.9;
/** Found in a name, an alias or an FAQ question. */
const NAME_STRENGTH = 0.9;

function isAspectConcept(c: Concept): boolean {
  return c.aspect === true;
}

/** Which fields of an entry each matched term was found in. */
export type TermFields = (term: string) => readonly string[] | undefined;

export interface ConceptMatch {
  /** How far the entry contains the concept (0–1). */
  found: number;
  /** found × the weight of the field it was found in, at its best, for ranking. */
  strength: number;
  /** found, discounted a little when only a description has it, for coverage. */
  evidence: number;
}

/** Every way the entry may contain the concept; the best for coverage and the best for ranking may differ. */
export function matchConcept(c: Concept, fieldsOf: TermFields): ConceptMatch {
  let found = 0;
  let strength = 0;
  let evidence = 0;
  const offer = (f: number, field: number) => {
    if (f > found) found = f;
    if (f * field > strength) strength = f * field;
    if (f * (0.5 + 0.5 * field) > evidence) evidence = f * (0.5 + 0.5 * field);
  };
  for (const t of c.terms) {
    const fields = fieldsOf(t.term);
    if (fields) offer(t.found, bestField(fields));
  }
  for (const e of c.expansions) {
    let hits = 0;
    let field = 0;
    for (const w of e.words) {
      const fields = fieldsOf(w);
      if (!fields) continue;
      hits++;
      field = Math.max(field, bestField(fields));
    }
    const share = e.words.length === 0 ? 0 : hits / e.words.length;
    if (share >= 0.5) offer(SYNONYM_FOUND * share * share, field);
  }
  if (c.grams.length > 0) {
    const share = c.grams.filter((g) => fieldsOf(g)).length / c.grams.length;
    if (share >= 0.5) offer(GRAMS_FOUND * share ** 1.5, FIELD_WEIGHT.grams);
  }
  if (c.phrase) {
    const compounds = c.phrase.compounds.filter((t) => fieldsOf(t));
    const compoundShare = compounds.length / Math.max(1, c.phrase.compounds.length);
    offer(compoundShare, bestOf(compounds, fieldsOf));
    let partsFound = 0;
    let partsField = 0;
    for (const part of c.phrase.parts) {
      let best = 0;
      for (const t of part) if (fieldsOf(t.term)) best = Math.max(best, t.found);
      partsFound += best;
      partsField = Math.max(partsField, bestOf(part.filter((t) => fieldsOf(t.term)).map((t) => t.term), fieldsOf));
    }
    offer(PARTS_FOUND * (partsFound / Math.max(1, c.phrase.parts.length)), partsField);
  }
  return { found, strength, evidence };
}

/** The compound nouns' words found apart (バス路線 for 路線バス): probably the same thing, maybe not. */
const PARTS_FOUND = 0.75;

function bestOf(terms: readonly string[], fieldsOf: TermFields): number {
  let best = 0;
  for (const t of terms) best = Math.max(best, bestField(fieldsOf(t) ?? []));
  return best;
}

function bestField(fields: readonly string[]): number {
  let best = 0;
  for (const f of fields) best = Math.max(best, f === "fuzzy" ? FUZZY_WEIGHT : FIELD_WEIGHT[f as FieldName] ?? 0);
  return best;
}

/** A compound found one character off: most likely a misspelling of the same name. */
const FUZZY_WEIGHT = 0.8;

/** A concept shown only by a synonym's words: the resident's word is not the document's. */
const SYNONYM_FOUND = 0.75;
/** A concept shown by all of its character bigrams in a name (most likely the word itself). */
const GRAMS_FOUND = 0.9;

/**
 * How much finding a concept says, by how few entries have it: a word one or two programs use (パンリビル,
 * 認知症サポーター) found exactly is enough, whatever everyday words surround it; a word a fifth of the
 * shard uses says less. 1 for a word a tenth of the entries have; for a word no entry has as written
 * (found by synonym or bigrams), 1.
 */
export function specificity(df: number, n: number): number {
  if (df === 0) return 1;
  const ratio = idf(df, n) / idf(SPECIFICITY_REFERENCE_SHARE * n, n);
  return Math.min(SPECIFICITY_MAX, Math.max(SPECIFICITY_MIN, ratio));
}

const SPECIFICITY_REFERENCE_SHARE = 0.1;
const SPECIFICITY_MIN = 0.6;
const SPECIFICITY_MAX = 1.8;

/** Specificity of a concept within a shard: contained by df of its n entries. */
export function idf(df: number, n: number): number {
  return Math.log(1 + n / (df + 0.5));
}

/** Below this coverage the best entry does not answer the question: 「見つかりませんでした」. */
export const NO_MATCH_COVERAGE = 0.5;
/** Nor when what it contains is only aspects or verbs (「市役所の場所」 names no topic at all). */
export const NO_MATCH_EVIDENCE = 0.4;
