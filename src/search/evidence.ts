// What an entry shows of the question, and how sure we are that it answers it.
//   found(group)  how well the entry contains the word: its best term's weight × the weight of the best
//                 field it is in, to the power evidenceFieldExponent (1 in a name, 0.59 in a summary), or,
//                 when only the word's bigrams are there, bigramCredit × share^1.5 × the same field factor
//                 (share: of the word's character terms by weight, single kanji at MODEL.kanjiGram; for a
//                 word in kana only, also × min(1, Σ IDF of the bigrams found / the word's IDF): kana
//                 bigrams are mostly grammar, and さい of ください with いず of いずれか is no サイズ; a
//                 kana bigram in more than half the entries counts as not found, MODEL.kanaGramMinIdf); an
//                 entry's terms reached through a found word's expansions count for that word only, so
//                 two words with one meaning (手当, もらえる → 助成, 補助) show it once;
//   coverage      F / (F + M): F = Σ mass × found, M = the masses not found, heaviest first, the k-th
//                 divided by k^missingDecay, each weighed by missingWords (a verb missing says little);
//   confidence    σ(bias + coverage × a + score × b + ln(1 + F) × c + agreement × d + faq × e), the logistic
//                 fit of model.ts (agreement: topic-agreement.ts, measured across the candidates).
import { FIELD_NAMES, MODEL, type FieldName } from "./model.js";
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
  const f = newFound();
  const used = new UsedTerms();
  const found = q.groups.map((g) => {
    foundIn(g, lookup, doc, f, used);
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

/**
 * Reused buffers for `summarize`: a search reads the coverage and found mass of every candidate (dozens)
 * but the matched words of the few it lists, so the rest allocate nothing.
 */
export class EvidenceScratch {
  coverage = 0;
  have = 0;
  private found = new Float64Array(16);
  /** missing's first n, for each n (a view made once, not per entry). */
  private missing: Float64Array[] = [];
  private readonly f = newFound();
  private readonly used = new UsedTerms();

  /** Sets `coverage` and `have` for doc: evidenceFor's numbers, to the last bit. */
  summarize(q: PreparedQuery, lookup: TermLookup, doc: number): void {
    const n = q.groups.length;
    if (this.found.length < n) this.found = new Float64Array(2 * n);
    const missing = (this.missing[n] ??= new Float64Array(n));
    this.used.clear();
    for (let i = 0; i < n; i++) this.found[i] = foundIn(q.groups[i]!, lookup, doc, this.f, this.used).value;
    this.have = massesInto(q.groups, this.found, missing);
    this.coverage = coverageFrom(this.have, missing);
  }
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

/** What an entry shows of one word: how far it is found, the field, and whether only by a synonym. */
interface Found {
  value: number;
  field: FieldName | undefined;
  expanded: boolean;
}

const newFound = (): Found => ({ value: 0, field: undefined, expanded: true });

/**
 * The entry's terms already taken through an expansion by an earlier word of the question: an entry's word
 * found through a synonym shows one question word, not each that expands to it (手当 and もらえる both →
 * 助成, 補助: an entry with both has the meaning once). A question has a handful of words, so a short list
 * (reused, not allocated per entry).
 */
class UsedTerms {
  private ids: number[] = [];
  clear(): void {
    this.ids.length = 0;
  }
  has(id: number): boolean {
    return this.ids.includes(id);
  }
  add(id: number): void {
    this.ids.push(id);
  }
}

/** The expanded terms foundIn found in the entry, for take (reused: foundIn runs for every candidate and word). */
const foundExpanded: number[] = [];

/** Fills `out` (the caller's, reused) with how entry doc contains the group's word; returns it. */
function foundIn(g: PreparedGroup, lookup: TermLookup, doc: number, out: Found, used: UsedTerms): Found {
  const fields = lookup.index.postingFields;
  foundExpanded.length = 0;
  let value = 0;
  let field: FieldName | undefined;
  let expanded = true;
  // Index loops, not for-of: this runs for every candidate and word, and must not allocate iterators.
  for (let a = 0; a < g.alternatives.length; a++) {
    const alternative = g.alternatives[a]!;
    let v = 0;
    let mask = 0;
    for (let k = 0; k < alternative.length; k++) {
      const t = alternative[k]!;
      if (t.expanded && used.has(t.id)) continue;
      const p = lookup.find(t.id, doc);
      if (p < 0) continue;
      if (t.expanded) foundExpanded.push(t.id);
      v += t.found * fieldFactor(fields[p]!);
      mask |= fields[p]!;
    }
    const isExpanded = alternative[0]!.expanded;
    if (v > 0 && (v > value || (v === value && !isExpanded))) {
      value = v;
      field = bestField(mask);
      expanded = isExpanded;
    }
  }
  out.value = value;
  out.field = field;
  out.expanded = expanded;
  if (g.grams.length === 0 || value >= MODEL.bigramCredit) return take(used, out);
  let hits = 0;
  let all = 0;
  let mask = 0;
  let hitIdf = 0;
  for (let k = 0; k < g.grams.length; k++) {
    const gram = g.grams[k]!;
    all += gram.weight;
    if (gram.id === undefined) continue;
    // A kana bigram most entries have is grammar (さい of ください): finding it shows nothing of the word.
    if (g.kana && gram.idf < MODEL.kanaGramMinIdf) continue;
    const p = lookup.find(gram.id, doc);
    if (p < 0) continue;
    hits += gram.weight;
    hitIdf += gram.idf;
    mask |= fields[p]!;
  }
  const share = hits / all;
  const credit =
    share >= MODEL.bigramMinShare
      ? MODEL.bigramCredit * share ** 1.5 * fieldFactor(mask) * (g.kana ? Math.min(1, hitIdf / g.idf) : 1)
      : 0;
  if (credit > value) {
    out.value = credit;
    out.field = bestField(mask);
    out.expanded = true;
    return out;
  }
  return take(used, out);
}

/**
 * Marks every expanded term of the word that the entry has as taken (UsedTerms), once the word is found at
 * all: two words of the question with one meaning (手当 and もらえる both mean 給付, 助成, 補助 …) show that
 * meaning once, whichever of its spellings the entry has. The terms are those foundIn's first loop found
 * (it looked each one up already). Returns out.
 */
function take(used: UsedTerms, out: Found): Found {
  if (out.value <= 0) return out;
  for (let k = 0; k < foundExpanded.length; k++) if (!used.has(foundExpanded[k]!)) used.add(foundExpanded[k]!);
  return out;
}

/** MODEL.fields[bestField(mask)] ** MODEL.evidenceFieldExponent, computed once per field mask (NaN: not yet). */
const FIELD_FACTORS = new Float64Array(1 << FIELD_NAMES.length).fill(Number.NaN);
function fieldFactor(mask: number): number {
  let factor = FIELD_FACTORS[mask]!;
  if (Number.isNaN(factor)) {
    factor = MODEL.fields[bestField(mask)] ** MODEL.evidenceFieldExponent;
    FIELD_FACTORS[mask] = factor;
  }
  return factor;
}

export function coverageOf(groups: readonly PreparedGroup[], found: readonly number[]): number {
  return coverageParts(groups, found).coverage;
}

/** F (the found mass), the missing masses heaviest first, and the coverage they make. */
export function coverageParts(
  groups: readonly PreparedGroup[],
  found: readonly number[],
): { coverage: number; have: number; missing: number[] } {
  const masses = new Float64Array(groups.length);
  const have = massesInto(groups, found, masses);
  const coverage = coverageFrom(have, masses);
  // Heaviest first (coverageFrom left them in increasing order).
  return { coverage, have, missing: Array.from(masses).reverse() };
}

/** F, with each group's missing mass written into `missing` (in the groups' order). */
function massesInto(groups: readonly PreparedGroup[], found: ArrayLike<number>, missing: Float64Array): number {
  let have = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    have += g.mass * found[i]!;
    missing[i] = MODEL.missingWords[g.group.kind] * g.idf * (1 - found[i]!);
  }
  return have;
}

/**
 * F / (F + M), M the missing masses heaviest first, the k-th divided by k^missingDecay; sorts `missing`
 * in place (increasing), and sums from its end so the order of the terms is heaviest first.
 */
function coverageFrom(have: number, missing: Float64Array): number {
  missing.sort();
  let lacking = 0;
  for (let k = 0, n = missing.length; k < n; k++) lacking += missing[n - 1 - k]! / (k + 1) ** MODEL.missingDecay;
  return have + lacking === 0 ? 0 : have / (have + lacking);
}
