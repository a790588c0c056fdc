// Which entries a scope covers, as runs of consecutive entries: a municipality's own entries and those of
// no municipality (national programs, a town's FAQ). Entries are indexed in knowledge order, so a
// municipality's entries are a few long runs and a scoped query skips to them instead of filtering the
// whole country's postings (top-k.ts walks only inside these runs).
import type { EntryRef } from "./entry-document.js";
import { allDocs, type DocRanges } from "./top-k.js";

/** Runs kept for the most recent scopes asked (a deployment asks about few of them). */
const CACHED_SCOPES = 256;

export class ScopeRanges {
  private readonly runs = new Map<string | null, number[]>();
  private readonly merged = new Map<string, DocRanges>();
  private readonly all: DocRanges;

  constructor(refs: readonly EntryRef[]) {
    this.all = allDocs(refs.length);
    refs.forEach((ref, doc) => {
      const runs = this.runs.get(ref.municipality) ?? [];
      if (runs.length > 0 && runs[runs.length - 1] === doc) runs[runs.length - 1] = doc + 1;
      else runs.push(doc, doc + 1);
      this.runs.set(ref.municipality, runs);
    });
  }

  /** The entries a search scoped to `scope` may return (every entry when there is no scope). */
  of(scope: string | undefined | null): DocRanges {
    if (!scope) return this.all;
    const cached = this.merged.get(scope);
    if (cached) return cached;
    const ranges = union(this.runs.get(scope) ?? [], this.runs.get(null) ?? []);
    if (this.merged.size >= CACHED_SCOPES) this.merged.clear();
    this.merged.set(scope, ranges);
    return ranges;
  }
}

/** Two lists of runs [s0, e0, s1, e1, …] (each sorted, disjoint) as one. */
function union(a: readonly number[], b: readonly number[]): DocRanges {
  const pairs: [number, number][] = [];
  for (let i = 0; i < a.length; i += 2) pairs.push([a[i]!, a[i + 1]!]);
  for (let i = 0; i < b.length; i += 2) pairs.push([b[i]!, b[i + 1]!]);
  pairs.sort((x, y) => x[0] - y[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [s, e] of pairs) {
    if (ends.length > 0 && s <= ends[ends.length - 1]!) ends[ends.length - 1] = Math.max(ends[ends.length - 1]!, e);
    else {
      starts.push(s);
      ends.push(e);
    }
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}
