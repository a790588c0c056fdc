// The facts staff confirmed for a program, as they are shown beside the document's: each with its own
// source line 「金額: 1回5万円まで（子育て支援課 山田 確認 2026-12-01）」, and 「確認から1年以上たっています」 once the
// confirmation is older than STAFF_FACT_MAX_AGE_MONTHS (then it is also listed for re-confirmation).
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { Program } from "../../knowledge/schema.js";
import { FACT_LABELS, type FactField, type StaffFact } from "../../knowledge/staff/staff-fact.js";
import { staffCitation } from "../../knowledge/staff/staff-source.js";
import type { StaffFactLine } from "../reply/reply.js";

/** A confirmation older than this many months is shown as old and asked to be confirmed again. */
export const STAFF_FACT_MAX_AGE_MONTHS = 12;
export const OLD_CONFIRMATION = "確認から1年以上たっています";

export function isOldConfirmation(date: string, now: Date, months = STAFF_FACT_MAX_AGE_MONTHS): boolean {
  const confirmed = new Date(`${date}T00:00:00+09:00`);
  const limit = new Date(confirmed);
  limit.setMonth(limit.getMonth() + months);
  return now.getTime() >= limit.getTime();
}

export function staffFactLine(f: StaffFact, now: Date): StaffFactLine {
  const old = isOldConfirmation(f.source.date, now);
  const label = FACT_LABELS[f.field];
  const citation = staffCitation(f.source);
  return {
    field: f.field, label, value: f.value, citation, old,
    ...(f.source.url ? { url: f.source.url } : {}),
    text: `${label}: ${f.value}（${citation}）${old ? ` ※${OLD_CONFIRMATION}` : ""}`,
  };
}

export function staffFactLines(kb: KnowledgeBase, p: Program, now: Date, fields?: readonly FactField[]): StaffFactLine[] {
  return kb.staffFactsOf(p.id).filter((f) => !fields || fields.includes(f.field)).map((f) => staffFactLine(f, now));
}
