// What the engine needs from the layers below, as small structural interfaces: the search index of #3
// satisfies ProgramSearch, and tests may pass any object of the same shape.
// Decisions about hits use `confidence` (strengthOf); a hit without one counts by its rank alone.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { Analysis } from "../../text/analysis.js";

/** A query word that matched an entry: as typed (or its base form), the field, and whether only through a synonym. */
export interface MatchedTermLike {
  term: string;
  field: string;
  expanded: boolean;
}

export interface SearchHitLike {
  type: "program" | "faq";
  id: string;
  municipality: string | null;
  name: string;
  score: number;
  /** Calibrated, in [0, 1] (the search contract of issue 11; absent from an older index). */
  confidence?: number;
  /** The query words this entry matched (absent from an older index). */
  matched?: readonly MatchedTermLike[];
}

export interface SearchOptionsLike {
  municipality?: string;
  type?: "program" | "faq";
  category?: string;
  top?: number;
}

export interface ProgramSearch {
  /** The question as text, or as the engine analysed it (the search then reads it no more). */
  search(
    query: string | Analysis,
    options?: SearchOptionsLike,
  ): {
    noMatch: boolean;
    results: readonly SearchHitLike[];
    /** The query's content words no returned hit matched (absent from an older index). */
    unmatched?: readonly string[];
  };
}

/** The knowledge and the index built from it, swapped together on reload. */
export interface KnowledgeSnapshot {
  knowledge: KnowledgeBase;
  index: ProgramSearch;
}

/** How sure the search is of a hit: its confidence; without one (a fake search), 1 for the first hit and less for each later one. */
export function strengthOf(hit: SearchHitLike, rank: number): number {
  return hit.confidence ?? 1 / (rank + 1);
}
