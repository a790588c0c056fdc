// Scores entries for a query plan, term at a time over the packed index (term-index.ts):
//   word channel  Σ_group  kind weight × max over the group's terms of (term weight × idf × saturated tf)
//   character channel Σ_gram weight × idf × saturated tf (bigrams 1, single kanji MODEL.kanjiGram)
// each divided by what an entry holding every word once in its name would get (the query's self score),
// so a score means the same across questions; total = word + bigramChannel × bigram (+ phrase compounds).
// A group's idf is its word's (the rarest spelling the corpus has): a synonym or reading never counts as
// more specific than the word typed.
import { MODEL } from "./model.js";
import { REFERENCE_TF, type TermLookup } from "./term-index.js";
import type { QueryGroup } from "./query-groups.js";
import { isKanjiGram } from "../text/analyze.js";
import { isKana } from "../text/normalize.js";
import type { QueryPlan } from "./query-plan.js";
import { byNumber } from "../util/compare.js";

export interface Scored {
  doc: number;
  score: number;
}

/** Per group: how specific its word is, and the terms of it the index has. */
export interface PreparedGroup {
  group: QueryGroup;
  idf: number;
  /** Kind weight × idf: the group's share of the question (coverage and self score). */
  mass: number;
  /** Each alternative way to find the word: one term, or the compounds of a phrase that add up. */
  alternatives: { id: number; weight: number; found: number; expanded: boolean }[][];
  /** The word's character-channel terms, each with its weight (a single kanji counts MODEL.kanjiGram) and IDF. */
  grams: { id: number | undefined; weight: number; idf: number }[];
  /**
   * The word is written in kana only: its bigrams are kana bigrams, which grammar makes common (さい of
   * ください, いず of いずれか), so as evidence they count only as far as they are specific (evidence.ts).
   */
  kana: boolean;
}

export interface PreparedQuery {
  groups: PreparedGroup[];
  compounds: number[];
  gramIds: { id: number | undefined; idf: number }[];
  wordSelf: number;
  gramSelf: number;
}

export function prepare(plan: QueryPlan, lookup: TermLookup): PreparedQuery {
  const groups = plan.groups.map((g) => prepareGroup(g, lookup));
  const wordSelf = groups.reduce((sum, g) => sum + g.mass * REFERENCE_TF, 0);
  const distinct = [...new Set(plan.groups.filter((g) => g.kind !== "question").flatMap((g) => g.grams))];
  const gramIds = distinct.map((g) => ({ id: lookup.id(g), idf: lookup.idf(g) * gramWeight(g) }));
  const gramSelf = gramIds.reduce((sum, g) => sum + g.idf * REFERENCE_TF, 0);
  const compounds = plan.compounds.flatMap((c) => lookup.id(c) ?? []);
  return { groups, compounds, gramIds, wordSelf, gramSelf };
}

function prepareGroup(group: QueryGroup, lookup: TermLookup): PreparedGroup {
  const idf = groupIdf(group, lookup);
  const alternatives = new Map<string, PreparedGroup["alternatives"][number]>();
  group.terms.forEach((t, k) => {
    const id = lookup.id(t.term);
    if (id === undefined) return;
    const key = t.alternative === undefined ? `t${k}` : `a${t.alternative}`;
    if (!alternatives.has(key)) alternatives.set(key, []);
    // A synonym or reading never counts as more specific than the word, in the score; and as evidence, a
    // general dictionary's synonym found is the word found only as far as it is as specific (a common
    // document word does not show that an entry has the resident's rare word; the knowledge's own
    // synonyms file is trusted: ファミサポ → ファミリーサポートセンター).
    const specificity = Math.min(1, lookup.index.idf[id]! / idf);
    alternatives.get(key)!.push({
      id,
      weight: t.weight * specificity,
      found: t.general ? t.weight * specificity : t.weight,
      expanded: t.expanded,
    });
  });
  return {
    group,
    idf,
    mass: MODEL.words[group.kind] * idf,
    alternatives: [...alternatives.values()],
    grams: group.grams.map((g) => ({ id: lookup.id(g), weight: gramWeight(g), idf: lookup.idf(g) })),
    kana: isKana(group.label),
  };
}

const gramWeight = (gram: string) => (isKanjiGram(gram) ? MODEL.kanjiGram : 1);

/**
 * How specific a word of the question is: the IDF of its rarest own spelling the corpus has (a word no entry
 * has: the IDF of df 0); a compound noun's, its most specific word's.
 */
function groupIdf(group: QueryGroup, lookup: TermLookup): number {
  const idf = ownIdf(group, lookup);
  const things = (group.thingTerms ?? []).filter((t) => lookup.df(t) > 0);
  if (things.length === 0) return idf;
  return Math.min(idf, things.reduce((sum, t) => sum + lookup.idf(t), 0) / things.length);
}

function ownIdf(group: QueryGroup, lookup: TermLookup): number {
  if (group.idfTerms) return Math.max(...group.idfTerms.map((t) => lookup.idf(t)));
  const own = group.terms.filter((t) => !t.expanded && t.weight >= MODEL.terms.reading && lookup.df(t.term) > 0);
  return own.length > 0 ? Math.min(...own.map((t) => lookup.idf(t.term))) : lookup.idf("\u0000");
}

/**
 * What the score adds up, unit by unit in a fixed order (each group of the question, then each phrase
 * compound, then each bigram): a unit gives an entry the best of its alternatives, an alternative the sum
 * of weight × saturated tf over its terms the entry has. Both scorers (exhaustive below, top-k pruned in
 * top-k.ts) add the same units in this order, so they compute the same floating-point numbers.
 */
export interface ScoringUnit {
  alternatives: { id: number; weight: number }[][];
}

export function scoringUnits(q: PreparedQuery, lookup: TermLookup): ScoringUnit[] {
  const { index } = lookup;
  const wordScale = q.wordSelf > 0 ? 1 / q.wordSelf : 0;
  const gramScale = q.gramSelf > 0 ? MODEL.bigramChannel / q.gramSelf : 0;
  // Every array here is an empty literal pushed to, never a spread, map or flatMap result: an empty
  // spread is a small-integer array, a flatMap's has holes, and code optimised for one kind of array
  // is thrown away when it meets another (top-k's loops were deoptimised that way hundreds of questions in).
  const units: ScoringUnit[] = [];
  for (const g of q.groups) {
    const alternatives: ScoringUnit["alternatives"] = [];
    for (const a of g.alternatives) {
      const terms: ScoringUnit["alternatives"][number] = [];
      for (const t of a) terms.push({ id: t.id, weight: g.mass * t.weight * wordScale });
      alternatives.push(terms);
    }
    units.push({ alternatives });
  }
  for (const id of q.compounds) units.push(single(id, MODEL.terms.compound * index.idf[id]! * wordScale));
  for (const g of q.gramIds) if (g.id !== undefined) units.push(single(g.id, g.idf * gramScale));
  return units;
}

/** A unit of one term (a literal of objects is an array of objects, like the pushed ones). */
function single(id: number, weight: number): ScoringUnit {
  return { alternatives: [[{ id, weight }]] };
}

/**
 * The best entries (at most MODEL.candidates) among those `accept` lets through, every posting of every
 * term scored (the reference top-k.ts is tested against; the search itself uses top-k.ts).
 */
export function scoreEntries(q: PreparedQuery, lookup: TermLookup, accept: (doc: number) => boolean): Scored[] {
  const { index } = lookup;
  const n = index.docCount;
  const total = new Float64Array(n);
  const best = new Float64Array(n);
  const sum = new Float64Array(n);
  const allowed = new Int8Array(n);
  const touched: number[] = [];
  const ok = (doc: number) => {
    if (allowed[doc] === 0) allowed[doc] = accept(doc) ? 1 : -1;
    return allowed[doc] === 1;
  };
  for (const unit of scoringUnits(q, lookup)) {
    const inUnit: number[] = [];
    for (const alternative of unit.alternatives) {
      const inAlternative: number[] = [];
      for (const t of alternative) {
        for (let p = index.postingStart[t.id]!, end = index.postingStart[t.id + 1]!; p < end; p++) {
          const doc = index.postingDoc[p]!;
          if (!ok(doc)) continue;
          if (sum[doc] === 0) inAlternative.push(doc);
          sum[doc] = sum[doc]! + t.weight * index.postingTf[p]!;
        }
      }
      for (const doc of inAlternative) {
        if (best[doc] === 0) inUnit.push(doc);
        if (sum[doc]! > best[doc]!) best[doc] = sum[doc]!;
        sum[doc] = 0;
      }
    }
    for (const doc of inUnit) {
      if (total[doc] === 0) touched.push(doc);
      total[doc] = total[doc]! + best[doc]!;
      best[doc] = 0;
    }
  }
  const scored = touched.map((doc) => ({ doc, score: total[doc]! }));
  scored.sort((a, b) => byNumber(b.score, a.score) || a.doc - b.doc);
  return scored.slice(0, MODEL.candidates);
}
