// The best MODEL.candidates entries without scoring every posting: MaxScore, document at a time.
// Each scoring unit (scorer.ts) has an upper bound — the most it can add to any entry — from the index's
// per-term maximum saturated tf (term-index.ts `maxTf`) and the unit's query weights. Units sorted by
// bound: once the K-th best score so far (θ) is at least the sum of the smallest bounds, an entry found
// only by those units cannot enter the top K, so only the other ("essential") units' postings are walked;
// the rest are looked up (galloping forward) for entries that might still make it, and an entry is dropped
// as soon as what it has plus what the remaining units could add is not above θ.
// Exact: every entry kept is scored unit by unit in scorer.ts's order (the same floating-point sums), and
// an entry is only skipped when it provably scores ≤ θ, which (entries coming in increasing order, ties
// going to the lower entry) could never have displaced one kept. The result equals scoreEntries'.
// Entries are visited only inside `ranges` (a scope's runs of entries), so a scoped query skips the rest
// of a large index by binary search instead of filtering every posting.
import { MODEL } from "./model.js";
import type { TermLookup } from "./term-index.js";
import { scoringUnits, type PreparedQuery, type Scored, type ScoringUnit } from "./scorer.js";
import { reusedFloat64, reusedInt32 } from "../util/reused-array.js";
import { byNumber } from "../util/compare.js";

/** Sorted, disjoint runs [start, end) of entries. */
export interface DocRanges {
  starts: Int32Array;
  ends: Int32Array;
}

export function allDocs(n: number): DocRanges {
  return { starts: Int32Array.of(0), ends: Int32Array.of(n) };
}

/** Bounds are inflated by this much so rounding in their sums never makes them smaller than a true score. */
const BOUND_SLACK = 1 + 1e-9;

export function topEntries(
  q: PreparedQuery,
  lookup: TermLookup,
  ranges: DocRanges,
  accept: (doc: number) => boolean,
  k: number = MODEL.candidates,
): Scored[] {
  const { index } = lookup;
  const units = scoringUnits(q, lookup);
  const bounds = unitBounds(units, index.maxTf);
  const byBound = units.map((_, u) => u).sort((a, b) => byNumber(bounds[a]!, bounds[b]!));
  // One search at a time on a thread: its arrays are the last search's, reset (reused-array.ts says why).
  const legs = LEGS.load(units, byBound, lookup);
  const ranks = byBound.length;
  // below[r]: the most the units of rank < r can add together.
  const below = BELOW.take(ranks + 1);
  for (let r = 0; r < ranks; r++) below[r + 1] = (below[r]! + bounds[byBound[r]!]!) * BOUND_SLACK;
  const scores = SCORES.take(units.length);
  const heap = HEAP.reset(k);
  let firstEssential = 0;
  let range = 0;
  const essentialLegs = () => legs.unitStart[firstEssential]!;
  const nextDoc = (): number => {
    let d = DONE;
    for (let l = essentialLegs(); l < legs.count; l++) if (legs.cur[l]! < d) d = legs.cur[l]!;
    return d;
  };
  let d = nextDoc();
  while (d !== DONE) {
    while (range < ranges.starts.length && ranges.ends[range]! <= d) range++;
    if (range === ranges.starts.length) break;
    if (d < ranges.starts[range]!) {
      for (let l = essentialLegs(); l < legs.count; l++) legs.seek(l, ranges.starts[range]!);
      d = nextDoc();
      continue;
    }
    if (accept(d) && scoreDoc(d)) {
      let total = 0;
      for (let u = 0; u < units.length; u++) total += scores[u]!;
      if (heap.offer(d, total))
        while (firstEssential < ranks && below[firstEssential + 1]! <= heap.threshold) firstEssential++;
    }
    let next = DONE;
    for (let l = essentialLegs(); l < legs.count; l++) {
      if (legs.cur[l] === d) legs.step(l);
      if (legs.cur[l]! < next) next = legs.cur[l]!;
    }
    d = next;
  }
  return heap.sorted();

  /** Fills `scores` for doc; false when it provably cannot beat the threshold. */
  function scoreDoc(doc: number): boolean {
    let partial = 0;
    for (let r = ranks - 1; r >= firstEssential; r--) partial += scores[legs.unitOf[r]!] = legs.unitScore(r, doc);
    for (let r = firstEssential - 1; r >= 0; r--) {
      if ((partial + below[r + 1]!) * BOUND_SLACK <= heap.threshold) return false;
      for (let l = legs.unitStart[r]!; l < legs.unitStart[r + 1]!; l++) legs.seek(l, doc);
      partial += scores[legs.unitOf[r]!] = legs.unitScore(r, doc);
    }
    return partial * BOUND_SLACK > heap.threshold;
  }
}

/** Each unit's most: its best alternative's Σ weight × the term's highest saturated tf (never below 0). */
function unitBounds(units: readonly ScoringUnit[], maxTf: Float32Array): Float64Array {
  const bounds = BOUNDS.take(units.length);
  for (let u = 0; u < units.length; u++) {
    let best = 0;
    for (const a of units[u]!.alternatives) {
      let sum = 0;
      for (const t of a) sum += t.weight * maxTf[t.id]!;
      if (sum > best) best = sum;
    }
    bounds[u] = best * BOUND_SLACK;
  }
  return bounds;
}

/** A cursor past the last posting. */
const DONE = 0x7fffffff;

/**
 * Every term of every unit as a cursor ("leg") in flat arrays, units in increasing order of bound, an
 * alternative's legs next to each other in scorer.ts's order: the essential units' legs are one run at the end.
 */
class Legs {
  /** How many legs (the arrays below are longer: reused from search to search). */
  count = 0;
  /** The unit (scorer.ts's order) of each rank. */
  unitOf = new Int32Array(0);
  /** The legs of rank r: unitStart[r] to unitStart[r + 1]. */
  unitStart = new Int32Array(0);
  alternative = new Int32Array(0);
  weight = new Float64Array(0);
  pos = new Int32Array(0);
  end = new Int32Array(0);
  /** The entry at each cursor (DONE past the end). */
  cur = new Int32Array(0);
  private docs: Int32Array = new Int32Array(0);
  private tf: Float32Array = new Float32Array(0);
  private readonly arrays = {
    unitOf: reusedInt32(),
    unitStart: reusedInt32(),
    alternative: reusedInt32(),
    weight: reusedFloat64(),
    pos: reusedInt32(),
    end: reusedInt32(),
    cur: reusedInt32(),
  };

  /** The legs of these units, every cursor at its term's first posting. */
  load(units: readonly ScoringUnit[], byBound: readonly number[], lookup: TermLookup): this {
    const count = units.reduce((s, u) => s + u.alternatives.reduce((t, a) => t + a.length, 0), 0);
    const a = this.arrays;
    this.count = count;
    this.unitOf = a.unitOf.take(byBound.length);
    this.unitOf.set(byBound);
    this.unitStart = a.unitStart.take(byBound.length + 1);
    this.alternative = a.alternative.take(count);
    this.weight = a.weight.take(count);
    this.pos = a.pos.take(count);
    this.end = a.end.take(count);
    this.cur = a.cur.take(count);
    this.docs = lookup.index.postingDoc;
    this.tf = lookup.index.postingTf;
    const starts = lookup.index.postingStart;
    let l = 0;
    byBound.forEach((u, rank) => {
      this.unitStart[rank] = l;
      units[u]!.alternatives.forEach((a, k) => {
        for (const t of a) {
          this.alternative[l] = k;
          this.weight[l] = t.weight;
          this.pos[l] = starts[t.id]!;
          this.end[l] = starts[t.id + 1]!;
          this.cur[l] = this.pos[l]! < this.end[l]! ? this.docs[this.pos[l]!]! : DONE;
          l++;
        }
      });
    });
    this.unitStart[byBound.length] = l;
    return this;
  }

  /** Moves leg l to its next posting. */
  step(l: number): void {
    const p = ++this.pos[l]!;
    this.cur[l] = p < this.end[l]! ? this.docs[p]! : DONE;
  }

  /** Moves leg l to its first posting at or after `target` (galloping, then binary search). */
  seek(l: number, target: number): void {
    if (this.cur[l]! >= target) return;
    const docs = this.docs;
    const end = this.end[l]!;
    let lo = this.pos[l]!;
    let step = 1;
    let hi = lo + step;
    while (hi < end && docs[hi]! < target) {
      lo = hi;
      step *= 2;
      hi = lo + step;
    }
    if (hi > end) hi = end;
    // docs[lo] < target; the first posting at or after it is in (lo, hi].
    while (lo + 1 < hi) {
      const mid = (lo + hi) >> 1;
      if (docs[mid]! < target) lo = mid;
      else hi = mid;
    }
    this.pos[l] = hi;
    this.cur[l] = hi < end ? docs[hi]! : DONE;
  }

  /** The value for doc of the unit of this rank, its legs at or past doc: scorer.ts's sums, in its order. */
  unitScore(rank: number, doc: number): number {
    let best = 0;
    let sum = 0;
    let alternative = -1;
    for (let l = this.unitStart[rank]!, end = this.unitStart[rank + 1]!; l < end; l++) {
      if (this.alternative[l] !== alternative) {
        if (sum > best) best = sum;
        sum = 0;
        alternative = this.alternative[l]!;
      }
      if (this.cur[l] === doc) sum = sum + this.weight[l]! * this.tf[this.pos[l]!]!;
    }
    return Math.max(sum, best);
  }
}

/** The k best (score, doc) so far, lower doc first among equal scores; `threshold` is the k-th score. */
class TopHeap {
  private doc = new Int32Array(0);
  private score = new Float64Array(0);
  private readonly docs = reusedInt32();
  private readonly scores = reusedFloat64();
  private k = 0;
  private size = 0;
  threshold = -Infinity;

  /** Empty, for the k best (its arrays the last search's). */
  reset(k: number): this {
    this.k = k;
    this.doc = this.docs.take(k);
    this.score = this.scores.take(k);
    this.size = 0;
    this.threshold = -Infinity;
    return this;
  }

  /** Offers an entry (entries come in increasing order, so an equal score never displaces); true if the threshold rose. */
  offer(doc: number, score: number): boolean {
    if (this.k === 0) return false;
    if (this.size < this.k) {
      this.doc[this.size] = doc;
      this.score[this.size] = score;
      this.up(this.size++);
      if (this.size < this.k) return false;
    } else {
      if (score <= this.score[0]!) return false;
      this.doc[0] = doc;
      this.score[0] = score;
      this.down(0);
    }
    const risen = this.score[0]! > this.threshold;
    this.threshold = this.score[0]!;
    return risen;
  }

  sorted(): Scored[] {
    const out: Scored[] = [];
    for (let i = 0; i < this.size; i++) out.push({ doc: this.doc[i]!, score: this.score[i]! });
    return out.sort((a, b) => byNumber(b.score, a.score) || a.doc - b.doc);
  }

  /** Whether slot a is worse than slot b (lower score, or the same score and a later entry). */
  private worse(a: number, b: number): boolean {
    const sa = this.score[a]!;
    const sb = this.score[b]!;
    return sa < sb || (sa === sb && this.doc[a]! > this.doc[b]!);
  }

  private swap(a: number, b: number): void {
    const d = this.doc[a]!;
    const s = this.score[a]!;
    this.doc[a] = this.doc[b]!;
    this.score[a] = this.score[b]!;
    this.doc[b] = d;
    this.score[b] = s;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < this.size && this.worse(l, worst)) worst = l;
      if (r < this.size && this.worse(r, worst)) worst = r;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }
}

/** The one search's working arrays on this thread (top-k searches do not nest). */

const LEGS = new Legs();
const BOUNDS = reusedFloat64();
const BELOW = reusedFloat64();
const SCORES = reusedFloat64();
const HEAP = new TopHeap();
