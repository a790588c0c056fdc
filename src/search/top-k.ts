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
import { scoringUnits, type PreparedQuery, type Scored } from "./scorer.js";

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

/** One term of one alternative of one unit, with its cursor in the term's postings. */
interface Leg {
  id: number;
  weight: number;
  pos: number;
  end: number;
}

interface Unit {
  /** Legs of each alternative. */
  alternatives: Leg[][];
  legs: Leg[];
  bound: number;
}

export function topEntries(
  q: PreparedQuery,
  lookup: TermLookup,
  ranges: DocRanges,
  accept: (doc: number) => boolean,
  k: number = MODEL.candidates,
): Scored[] {
  const { index } = lookup;
  const docs = index.postingDoc;
  const units: Unit[] = scoringUnits(q, lookup).map((u) => {
    const alternatives = u.alternatives.map((a) =>
      a.map((t) => ({
        id: t.id,
        weight: t.weight,
        pos: index.postingStart[t.id]!,
        end: index.postingStart[t.id + 1]!,
      })),
    );
    const bound = Math.max(0, ...alternatives.map((a) => a.reduce((s, l) => s + l.weight * index.maxTf[l.id]!, 0)));
    return { alternatives, legs: alternatives.flat(), bound: bound * BOUND_SLACK };
  });
  const byBound = units.map((_, u) => u).sort((a, b) => units[a]!.bound - units[b]!.bound);
  // below[i]: the most the units byBound[0 .. i) can add together.
  const below = new Float64Array(units.length + 1);
  for (let i = 0; i < units.length; i++) below[i + 1] = (below[i]! + units[byBound[i]!]!.bound) * BOUND_SLACK;
  const scores = new Float64Array(units.length);
  const heap = new TopHeap(k);
  let firstEssential = 0;
  let range = 0;
  const nextDoc = (): number => {
    let d = Infinity;
    for (let i = firstEssential; i < byBound.length; i++)
      for (const l of units[byBound[i]!]!.legs) if (l.pos < l.end && docs[l.pos]! < d) d = docs[l.pos]!;
    return d;
  };
  const skipEssential = (target: number) => {
    for (let i = firstEssential; i < byBound.length; i++)
      for (const l of units[byBound[i]!]!.legs) seek(l, target, docs);
  };
  let d = nextDoc();
  while (d !== Infinity) {
    while (range < ranges.starts.length && ranges.ends[range]! <= d) range++;
    if (range === ranges.starts.length) break;
    if (d < ranges.starts[range]!) {
      skipEssential(ranges.starts[range]!);
      d = nextDoc();
      continue;
    }
    if (accept(d) && scoreDoc(d)) {
      let total = 0;
      for (let u = 0; u < units.length; u++) total += scores[u]!;
      if (heap.offer(d, total))
        while (firstEssential < byBound.length && below[firstEssential + 1]! <= heap.threshold) firstEssential++;
    }
    for (let i = firstEssential; i < byBound.length; i++)
      for (const l of units[byBound[i]!]!.legs) if (l.pos < l.end && docs[l.pos] === d) l.pos++;
    d = nextDoc();
  }
  return heap.sorted();

  /** Fills `scores` for doc d; false when d provably cannot beat the threshold. */
  function scoreDoc(doc: number): boolean {
    let partial = 0;
    for (let i = byBound.length - 1; i >= firstEssential; i--) {
      const u = byBound[i]!;
      partial += scores[u] = unitScore(units[u]!, doc);
    }
    for (let i = firstEssential - 1; i >= 0; i--) {
      if ((partial + below[i + 1]!) * BOUND_SLACK <= heap.threshold) return false;
      const u = byBound[i]!;
      for (const l of units[u]!.legs) seek(l, doc, docs);
      partial += scores[u] = unitScore(units[u]!, doc);
    }
    return partial * BOUND_SLACK > heap.threshold;
  }

  /** The unit's value for doc, its legs already at or past doc: scorer.ts's arithmetic, in its order. */
  function unitScore(unit: Unit, doc: number): number {
    let best = 0;
    for (const alternative of unit.alternatives) {
      let sum = 0;
      for (const l of alternative)
        if (l.pos < l.end && docs[l.pos] === doc) sum = sum + l.weight * index.postingTf[l.pos]!;
      if (sum > best) best = sum;
    }
    return best;
  }
}

/** Moves a cursor to the first posting at or after `target` (galloping, then binary search). */
function seek(l: Leg, target: number, docs: Int32Array): void {
  if (l.pos >= l.end || docs[l.pos]! >= target) return;
  let step = 1;
  let lo = l.pos;
  let hi = lo + step;
  while (hi < l.end && docs[hi]! < target) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > l.end) hi = l.end;
  // docs[lo] < target; the answer is in (lo, hi].
  while (lo + 1 < hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid]! < target) lo = mid;
    else hi = mid;
  }
  l.pos = hi;
}

/** The k best (score, doc) so far, lower doc first among equal scores; `threshold` is the k-th score. */
class TopHeap {
  private readonly doc: Int32Array;
  private readonly score: Float64Array;
  private size = 0;
  threshold = -Infinity;

  constructor(private readonly k: number) {
    this.doc = new Int32Array(k);
    this.score = new Float64Array(k);
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
    return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
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
