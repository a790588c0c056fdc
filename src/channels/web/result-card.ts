// One search result as the page shows it: the hit (type, id, municipality, name, score) plus the facts
// of its card, every one taken from the knowledge entry (programCard) or the FAQ row.
import { faqExpired } from "../../knowledge/staff/validity.js";
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { Faq, Program } from "../../knowledge/schema.js";
import type { ProgramCard } from "../../dialogue/reply/reply.js";
import { programCard } from "../../dialogue/answer/program-facts.js";
import type { SearchHit } from "../../search/search-index.js";

/** A hit's identity and score; confidence and matched when it came from a search (not when browsing). */
type ResultHit = Omit<SearchHit, "confidence" | "matched"> & Partial<Pick<SearchHit, "confidence" | "matched">>;

export type ProgramResult = ResultHit &
  Omit<ProgramCard, "id" | "municipality" | "name"> & {
    type: "program";
    categories: string[];
    audiences: string[];
  };

export type FaqResult = ResultHit & {
  type: "faq";
  /** The answer's first line. */
  summary: string;
  department: string | null;
  category: string | null;
};

export type SearchResult = ProgramResult | FaqResult;

export function programResult(kb: KnowledgeBase, p: Program, score: number, now: Date): ProgramResult {
  const { id, municipality, name, ...card } = programCard(kb, p, now);
  return {
    type: "program",
    id,
    municipality,
    name,
    score: roundScore(score),
    ...card,
    categories: [...(p.categories ?? [])],
    audiences: [...(p.audiences ?? [])],
  };
}

export function faqResult(f: Faq, score: number): FaqResult {
  return {
    type: "faq",
    id: f.id,
    municipality: f.municipality ?? null,
    name: f.question,
    score: roundScore(score),
    summary: (f.answer.split(/\n/u)[0] ?? f.answer).trim(),
    department: f.department ?? null,
    category: f.category ?? null,
  };
}

/** The result for a hit, or undefined when the hit names an entry this knowledge does not have. */
export function resultForHit(kb: KnowledgeBase, hit: SearchHit, now: Date): SearchResult | undefined {
  if (hit.type === "program") {
    const p = kb.program(hit.id);
    return p
      ? { ...programResult(kb, p, hit.score, now), confidence: hit.confidence, matched: hit.matched }
      : undefined;
  }
  const f = kb.faq(hit.id);
  return f && !faqExpired(f, now)
    ? { ...faqResult(f, hit.score), confidence: hit.confidence, matched: hit.matched }
    : undefined; // past 「この日まで有効」: not served
}

function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}
