// Validates an entry staff submit, before anything is written: the same zod schema as every knowledge
// file, then what only the knowledge can tell (the municipality and the program exist). Problems come
// back field by field ("source.date: must be a date written YYYY-MM-DD"), for the modal and the CLI.
import type { z } from "zod";
import type { KnowledgeBase } from "../knowledge-base.js";
import { Faq } from "../schema.js";
import { issueMessage, valueAt } from "../issue-messages.js";
import { StaffFact } from "./staff-fact.js";

export interface FieldError {
  /** Dotted path in the entry: "answer", "questions.1", "source.validUntil". */
  field: string;
  message: string;
}

export type Validated<T> = { ok: true; entry: T } | { ok: false; errors: FieldError[] };

export function validateAnswer(entry: unknown, kb: KnowledgeBase): Validated<Faq> {
  const parsed = parse(Faq, entry);
  if (!parsed.ok) return parsed;
  const errors: FieldError[] = [];
  const f = parsed.entry;
  if (f.source?.kind !== "staff")
    errors.push({ field: "source", message: "is required: who gave the answer, their department and the date" });
  if (f.municipality !== undefined && !kb.municipality(f.municipality)) {
    errors.push({
      field: "municipality",
      message: `unknown municipality "${f.municipality}" (known: ${kb.municipalities.map((m) => m.name).join(", ")})`,
    });
  }
  return errors.length > 0 ? { ok: false, errors } : parsed;
}

export function validateFact(entry: unknown, kb: KnowledgeBase): Validated<StaffFact> {
  const parsed = parse(StaffFact, entry);
  if (!parsed.ok) return parsed;
  if (!kb.program(parsed.entry.program))
    return {
      ok: false,
      errors: [{ field: "program", message: `no program has the id "${parsed.entry.program}" (see madoguchi list)` }],
    };
  return parsed;
}

function parse<T>(schema: z.ZodType<T>, entry: unknown): Validated<T> {
  const r = schema.safeParse(entry);
  if (r.success) return { ok: true, entry: r.data };
  return { ok: false, errors: r.error.issues.map((issue) => toFieldError(issue, entry)) };
}

function toFieldError(issue: z.core.$ZodIssue, entry: unknown): FieldError {
  const path = issue.path.map(String);
  if (issue.code === "unrecognized_keys")
    return { field: [...path, ...issue.keys].join("."), message: "unknown field" };
  return { field: path.join(".") || "(entry)", message: issueMessage(issue, valueAt(entry, issue.path)) };
}

export function formatFieldErrors(errors: FieldError[]): string {
  return errors.map((e) => `${e.field}: ${e.message}`).join("\n");
}
