// Builds the entry a member of staff submits from what they typed (the CLI's options, the Slack modal's
// fields): the first wording is the question, the rest are other wordings; the source is them and today.
// Nothing is checked here: StaffChanges validates the result with the schema.
import type { Faq } from "../schema.js";
import { japanDay, newStaffFaqId } from "./draft.js";
import { factId, type FactField, type StaffFact } from "./staff-fact.js";

export interface AnswerInput {
  questions: string[];
  answer: string;
  department: string;
  by: string;
  municipality?: string;
  url?: string;
  validUntil?: string;
  now: Date;
}

export function answerEntry(i: AnswerInput): Faq {
  const [question = "", ...others] = i.questions.map((q) => q.trim()).filter(Boolean);
  return {
    id: newStaffFaqId(),
    ...(i.municipality?.trim() ? { municipality: i.municipality.trim() } : {}),
    question,
    ...(others.length > 0 ? { questions: others } : {}),
    answer: i.answer.trim(),
    department: i.department.trim(),
    ...(i.url?.trim() ? { url: i.url.trim() } : {}),
    source: {
      kind: "staff",
      by: i.by.trim(),
      department: i.department.trim(),
      date: japanDay(i.now),
      ...(i.url?.trim() ? { url: i.url.trim() } : {}),
      ...(i.validUntil?.trim() ? { validUntil: i.validUntil.trim() } : {}),
    },
  };
}

export interface FactInput {
  program: string;
  field: FactField;
  value: string;
  department: string;
  by: string;
  url?: string;
  /** The day it was confirmed (default today). */
  date?: string;
  now: Date;
}

export function factEntry(i: FactInput): StaffFact {
  return {
    id: factId(i.program, i.field),
    program: i.program,
    field: i.field,
    value: i.value.trim(),
    source: {
      kind: "staff",
      by: i.by.trim(),
      department: i.department.trim(),
      date: i.date?.trim() || japanDay(i.now),
      ...(i.url?.trim() ? { url: i.url.trim() } : {}),
    },
  };
}
