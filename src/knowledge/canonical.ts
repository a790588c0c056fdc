// The canonical JSON form of knowledge entries (`madoguchi list --json`, the JSON API): every entry has
// type, id, municipality (full name or null) and name; programs keep all their fields.
import type { KnowledgeBase } from "./knowledge-base.js";
import type { Faq, Program } from "./schema.js";

export type CanonicalProgram = Program & { type: "program" };
export type CanonicalFaq = Omit<Faq, "municipality"> & { type: "faq"; municipality: string | null; name: string };
export type CanonicalEntry = CanonicalProgram | CanonicalFaq;

export function canonicalProgram(p: Program): CanonicalProgram {
  return { type: "program", ...p };
}

/** The common keys first (type, id, municipality, name), then the FAQ's own fields. */
export function canonicalFaq(f: Faq): CanonicalFaq {
  const { id, municipality, question, ...rest } = f;
  return { type: "faq", id, municipality: municipality ?? null, name: question, question, ...rest };
}

export function canonicalEntries(kb: KnowledgeBase): CanonicalEntry[] {
  return [...kb.programs.map(canonicalProgram), ...kb.faqs.map(canonicalFaq)];
}
