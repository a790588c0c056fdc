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
import type { QueryPlan } from "./query-plan.js";

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
  /** The word's character-channel terms, each with its weight (a single kanji counts MODEL.kanjiGram). */
  grams: { id: number | undefined; weight: number }[];
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
    // Scoring: a synonym or reading never counts as more specific than the word; found: the query weight.
    alternatives
      .get(key)!
      .push({ id, weight: t.weight * Math.min(1, lookup.index.idf[id]! / idf), found: t.weight, expanded: t.expanded });
  });
  return {
    group,
    idf,
    mass: MODEL.words[group.kind] * idf,
    alternatives: [...alternatives.values()],
    grams: group.grams.map((g) => ({ id: lookup.id(g), weight: gramWeight(g) })),
  };
}

const gramWeight = (gram: string) => (isKanjiGram(gram) ? MODEL.kanjiGram : 1);

/**
 * How specific a word of the question is: the IDF of its rarest own spelling the corpus has (a word no entry
 * has: the IDF of df 0); a compound noun's, its most specific word's.
 */
function groupIdf(group: QueryGroup, lookup: TermLookup): number {
  if (group.idfTerms) return Math.max(...group.idfTerms.map((t) => lookup.idf(t)));
  const own = group.terms.filter((t) => !t.expanded && t.weight >= MODEL.terms.reading && lookup.df(t.term) > 0);
  return own.length > 0 ? Math.min(...own.map((t) => lookup.idf(t.term))) : lookup.idf("\u0000");
}

/** The best entries (at most MODEL.candidates) among those `accept` lets through. */
export function scoreEntries(q: PreparedQuery, lookup: TermLookup, accept: (doc: number) => boolean): Scored[] {
  const { index } = lookup;
  const n = index.docCount;
  const total = new Float64Array(n);
  const best = new Float64Array(n);
  const allowed = new Int8Array(n);
  const touched: number[] = [];
  const ok = (doc: number) => {
    if (allowed[doc] === 0) allowed[doc] = accept(doc) ? 1 : -1;
    return allowed[doc] === 1;
  };
  const add = (doc: number, value: number) => {
    if (total[doc] === 0) touched.push(doc);
    total[doc] = total[doc]! + value;
  };
  const wordScale = q.wordSelf > 0 ? 1 / q.wordSelf : 0;
  const sum = new Float64Array(n);
  for (const g of q.groups) {
    const inGroup: number[] = [];
    for (const alternative of g.alternatives) {
      const inAlternative: number[] = [];
      for (const t of alternative) {
        const w = g.mass * t.weight * wordScale;
        for (let p = index.postingStart[t.id]!, end = index.postingStart[t.id + 1]!; p < end; p++) {
          const doc = index.postingDoc[p]!;
          if (!ok(doc)) continue;
          if (sum[doc] === 0) inAlternative.push(doc);
          sum[doc] = sum[doc]! + w * index.postingTf[p]!;
        }
      }
      for (const doc of inAlternative) {
        if (best[doc] === 0) inGroup.push(doc);
        if (sum[doc]! > best[doc]!) best[doc] = sum[doc]!;
        sum[doc] = 0;
      }
    }
    for (const doc of inGroup) {
      add(doc, best[doc]!);
      best[doc] = 0;
    }
  }
  for (const id of q.compounds) {
    const w = MODEL.terms.compound * index.idf[id]! * wordScale;
    for (let p = index.postingStart[id]!, end = index.postingStart[id + 1]!; p < end; p++) {
      const doc = index.postingDoc[p]!;
      if (ok(doc)) add(doc, w * index.postingTf[p]!);
    }
  }
  const gramScale = q.gramSelf > 0 ? MODEL.bigramChannel / q.gramSelf : 0;
  for (const g of q.gramIds) {
    if (g.id === undefined) continue;
    const w = g.idf * gramScale;
    for (let p = index.postingStart[g.id]!, end = index.postingStart[g.id + 1]!; p < end; p++) {
      const doc = index.postingDoc[p]!;
      if (ok(doc)) add(doc, w * index.postingTf[p]!);
    }
  }
  const scored = touched.map((doc) => ({ doc, score: total[doc]! }));
  scored.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return scored.slice(0, MODEL.candidates);
}
