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

export function canonicalFaq(f: Faq): CanonicalFaq {
  return { type: "faq", ...f, municipality: f.municipality ?? null, name: f.question };
}

export function canonicalEntries(kb: KnowledgeBase): CanonicalEntry[] {
  return [...kb.programs.map(canonicalProgram), ...kb.faqs.map(canonicalFaq)];
}
