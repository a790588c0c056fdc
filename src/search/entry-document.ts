// Knowledge entries as index documents: each searchable field analyzed once into its word terms (see
// text/analyze.ts) and its character bigrams (the bigram channel, for unknown words, hiragana and typos).
import type { Faq, Program } from "../knowledge/schema.js";
import { wordTerms, suffixWords, compoundTerms, characterTerms, type AnalyzedWord } from "../text/analyze.js";
import type { FieldName } from "./model.js";
import type { EntryTerms } from "./term-index.js";

export type EntryType = "program" | "faq";

export interface EntryRef {
  type: EntryType;
  id: string;
  municipality: string | null;
  name: string;
  categories: readonly string[];
  /** What the entry is about, for topic agreement (topic-agreement.ts): its categories, else its department. */
  topics: readonly string[];
}

export interface IndexDocument {
  /** `${type}:${id}`: program and FAQ ids may collide. */
  key: string;
  ref: EntryRef;
  fields: EntryTerms;
}

/** Receives every analyzed text of an entry (the reading lexicon learns the corpus words from it). */
export type WordsSink = (words: readonly AnalyzedWord[]) => void;
/** Text → its analyzed words (analyzeWords with the tokenizer, memoized per build by the index). */
export type Analyze = (text: string) => readonly AnalyzedWord[];

export function programDocument(p: Program, analyze: Analyze, onWords?: WordsSink): IndexDocument {
  const texts: Partial<Record<FieldName, string[]>> = {
    name: [p.name],
    aliases: p.aliases ?? [],
    summary: p.summary ? [p.summary] : [],
    eligibility: [
      p.eligibility?.text ?? "",
      ...(p.eligibility?.conditions ?? []).map((c) => c.text),
      p.application ?? "",
    ],
    benefits: (p.benefits ?? []).flatMap((b) => [b.kind, b.text ?? "", b.duration ?? ""]),
    department: typeof p.department === "string" ? [p.department] : p.department,
    categories: [...(p.categories ?? []), ...(p.audiences ?? [])],
  };
  const ref: EntryRef = {
    type: "program",
    id: p.id,
    municipality: p.municipality,
    name: p.name,
    categories: p.categories ?? [],
    topics: topicsOf(p.categories ?? [], typeof p.department === "string" ? [p.department] : p.department),
  };
  return { key: `program:${p.id}`, ref, fields: analyzeFields(texts, analyze, onWords) };
}

const topicsOf = (categories: readonly string[], departments: readonly string[] = []) =>
  categories.length > 0 ? categories : departments;

export function faqDocument(f: Faq, analyze: Analyze, onWords?: WordsSink): IndexDocument {
  const texts: Partial<Record<FieldName, string[]>> = {
    question: [f.question, ...(f.questions ?? [])],
    answer: [f.answer],
    department: f.department ? [f.department] : [],
    categories: f.category ? [f.category] : [],
  };
  const ref: EntryRef = {
    type: "faq",
    id: f.id,
    municipality: f.municipality ?? null,
    name: f.question,
    categories: f.category ? [f.category] : [],
    topics: topicsOf(f.category ? [f.category] : [], f.department ? [f.department] : []),
  };
  return { key: `faq:${f.id}`, ref, fields: analyzeFields(texts, analyze, onWords) };
}

function analyzeFields(texts: Partial<Record<FieldName, string[]>>, analyze: Analyze, onWords?: WordsSink): EntryTerms {
  const fields: Partial<Record<FieldName, string[]>> = {};
  for (const [field, parts] of Object.entries(texts) as [FieldName, string[]][]) {
    const terms: string[] = [];
    for (const part of parts) {
      if (part.trim() === "") continue;
      const words = analyze(part);
      onWords?.(words);
      terms.push(...wordTerms(words), ...suffixWords(words), ...compoundTerms(words), ...characterTerms(part));
    }
    if (terms.length > 0) fields[field] = terms;
  }
  return fields;
}
