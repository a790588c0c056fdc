// What the engine needs from the layers below, as small structural interfaces: the search index of #3
// satisfies ProgramSearch, and tests may pass any object of the same shape.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";

export interface SearchHitLike {
  type: "program" | "faq";
  id: string;
  municipality: string | null;
  name: string;
  score: number;
}

export interface SearchOptionsLike {
  municipality?: string;
  type?: "program" | "faq";
  category?: string;
  top?: number;
}

export interface ProgramSearch {
  search(query: string, options?: SearchOptionsLike): { noMatch: boolean; results: readonly SearchHitLike[] };
}

/** The knowledge and the index built from it, swapped together on reload. */
export interface KnowledgeSnapshot {
  knowledge: KnowledgeBase;
  index: ProgramSearch;
}
