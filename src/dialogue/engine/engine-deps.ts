// What the engine needs from the layers below, as small structural interfaces: the search index of #3
// satisfies ProgramSearch, and tests may pass any object of the same shape.
// Decisions about hits use `confidence` (strengthOf); a hit without one counts by its rank alone.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";

export interface SearchHitLike {
  type: "program" | "faq";
  id: string;
  municipality: string | null;
  name: string;
  score: number;
  /** Calibrated in [0, 1] (search/model.ts); a search without it is treated as sure of its order only. */
  confidence?: number;
  /** The question's words the entry contains, where, and whether only through a synonym. */
  matched?: readonly { term: string; field: string; expanded: boolean }[];
}

export interface SearchOptionsLike {
  municipality?: string;
  type?: "program" | "faq";
  category?: string;
  top?: number;
}

export interface ProgramSearch {
  search(query: string, options?: SearchOptionsLike): { noMatch: boolean; results: readonly SearchHitLike[]; unmatched?: readonly string[] };
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
