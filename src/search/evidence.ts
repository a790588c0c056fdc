// What an entry shows of the question, and how sure we are that it answers it.
//   found(group)  how well the entry contains the word: its best term's weight × the weight of the best
//                 field it is in, to the power evidenceFieldExponent (1 in a name, 0.59 in a summary), or,
//                 when only the word's bigrams are there, bigramCredit × share^1.5 × the same field factor
//                 (share: of the word's character terms by weight, single kanji at MODEL.kanjiGram); an
//                 entry's term reached through an expansion counts for the first word that reaches it only;
//   coverage      F / (F + M): F = Σ mass × found, M = the masses not found, heaviest first, the k-th
//                 divided by k^missingDecay, each weighed by missingWords (a verb missing says little);
//   confidence    σ(bias + coverage × a + score × b + ln(1 + F) × c + agreement × d + faq × e), the logistic
//                 fit of model.ts (agreement: topic-agreement.ts, measured across the candidates).
import { MODEL, type FieldName } from "./model.js";
import { bestField, type TermLookup } from "./term-index.js";
import type { PreparedGroup, PreparedQuery } from "./scorer.js";

export interface Match {
  /** The question's word as written. */
  term: string;
  field: FieldName;
  /** Found only through a synonym or variant (or the word's bigrams). */
  expanded: boolean;
}

export interface Evidence {
  coverage: number;
  matched: Match[];
  /** Per group of the query, how far the entry contains it (0–1). */
  found: number[];
  /** The found mass F and the missing masses (heaviest first): features for fitting. */
  have: number;
  missing: number[];
}

export function evidenceFor(q: PreparedQuery, lookup: TermLookup, doc: number): Evidence {
  const matched: Match[] = [];
  const used = new Set<number>();
  const found = q.groups.map((g) => {
    const f = foundIn(g, lookup, doc, used);
    if (f.value > 0 && f.field) matched.push({ term: g.group.label, field: f.field, expanded: f.expanded });
    return f.value;
  });
  const parts = coverageParts(q.groups, found);
  return {
    coverage: parts.coverage,
    matched,
    found,
    have: parts.have,
    missing: parts.missing,
  };
}

/** What the confidence of one candidate is computed from. */
export interface ConfidenceFeatures {
  coverage: number;
  score: number;
  /** F, the found mass. */
  foundMass: number;
  /** Topic agreement with the other leading candidates (0–1). */
  agreement: number;
  faq: boolean;
}

/** Where a candidate comes in the results (higher first): MODEL.rank. */
export function rankValue(f: Pick<ConfidenceFeatures, "coverage" | "score" | "foundMass">): number {
  const r = MODEL.rank;
  return r.coverage * f.coverage + r.score * f.score + r.foundMass * Math.log1p(f.foundMass);
}

export function confidence(f: ConfidenceFeatures): number {
  const c = MODEL.confidence;
  const z =
    c.bias +
    c.coverage * f.coverage +
    c.score * f.score +
    c.foundMass * Math.log1p(f.foundMass) +
    c.agreement * f.agreement +
    (f.faq ? c.faq : 0);
  return 1 / (1 + Math.exp(-z));
}

function foundIn(
  g: PreparedGroup,
  lookup: TermLookup,
  doc: number,
  used: Set<number>,
): { value: number; field?: FieldName; expanded: boolean } {
  const { index } = lookup;
  let value = 0;
  let field: FieldName | undefined;
  let expanded = true;
  let take: number[] = [];
  for (const alternative of g.alternatives) {
    let v = 0;
    let mask = 0;
    const ids: number[] = [];
    for (const t of alternative) {
      // An entry's word found through a synonym shows one question word, not each that expands to it
      // (手当 and もらえる both → 助成).
      if (t.expanded && used.has(t.id)) continue;
      const p = lookup.find(t.id, doc);
      if (p < 0) continue;
      if (t.expanded) ids.push(t.id);
      v += t.found * MODEL.fields[bestField(index.postingFields[p]!)] ** MODEL.evidenceFieldExponent;
      mask |= index.postingFields[p]!;
    }
    const isExpanded = alternative[0]!.expanded;
    if (v > 0 && (v > value || (v === value && !isExpanded))) {
      value = v;
      field = bestField(mask);
      expanded = isExpanded;
      take = ids;
    }
  }
  if (g.grams.length === 0 || value >= MODEL.bigramCredit) {
    for (const id of take) used.add(id);
    return { value, field, expanded };
  }
  let hits = 0;
  let all = 0;
  let mask = 0;
  for (const gram of g.grams) {
    all += gram.weight;
    if (gram.id === undefined) continue;
    const p = lookup.find(gram.id, doc);
    if (p < 0) continue;
    hits += gram.weight;
    mask |= index.postingFields[p]!;
  }
  const share = hits / all;
  const credit =
    share >= MODEL.bigramMinShare
      ? MODEL.bigramCredit * share ** 1.5 * MODEL.fields[bestField(mask)] ** MODEL.evidenceFieldExponent
      : 0;
  if (credit > value) return { value: credit, field: bestField(mask), expanded: true };
  for (const id of take) used.add(id);
  return { value, field, expanded };
}

export function coverageOf(groups: readonly PreparedGroup[], found: readonly number[]): number {
  return coverageParts(groups, found).coverage;
}

/** F (the found mass), the missing masses heaviest first, and the coverage they make. */
export function coverageParts(
  groups: readonly PreparedGroup[],
  found: readonly number[],
): { coverage: number; have: number; missing: number[] } {
  let have = 0;
  const missing: number[] = [];
  groups.forEach((g, i) => {
    have += g.mass * found[i]!;
    missing.push(MODEL.missingWords[g.group.kind] * g.idf * (1 - found[i]!));
  });
  missing.sort((a, b) => b - a);
  const lacking = missing.reduce((sum, m, k) => sum + m / (k + 1) ** MODEL.missingDecay, 0);
  return { coverage: have + lacking === 0 ? 0 : have / (have + lacking), have, missing };
}
