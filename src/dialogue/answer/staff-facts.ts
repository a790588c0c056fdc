// The facts staff confirmed for a program, as they are shown beside the document's: each with its own
// source line 「金額: 1回5万円まで（子育て支援課 山田 確認 2026-12-01）」, and 「確認から1年以上たっています」 once the
// confirmation is older than factMaxAgeMonths of knowledge/staff/settings.yaml (default 12; then it is also
// listed for re-confirmation).
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { Program } from "../../knowledge/schema.js";
import { FACT_LABELS, type FactField, type StaffFact } from "../../knowledge/staff/staff-fact.js";
import { staffCitation } from "../../knowledge/staff/staff-source.js";
import type { StaffFactLine } from "../reply/reply.js";

/** 「確認から1年以上たっています」 (12 months), 「確認から6か月以上たっています」 (6). */
export function oldConfirmationNotice(months: number): string {
  return `確認から${months % 12 === 0 ? `${months / 12}年` : `${months}か月`}以上たっています`;
}

export function isOldConfirmation(date: string, now: Date, months: number): boolean {
  const confirmed = new Date(`${date}T00:00:00+09:00`);
  const limit = new Date(confirmed);
  limit.setMonth(limit.getMonth() + months);
  return now.getTime() >= limit.getTime();
}

export function staffFactLine(f: StaffFact, now: Date, maxAgeMonths: number): StaffFactLine {
  const old = isOldConfirmation(f.source.date, now, maxAgeMonths);
  const label = FACT_LABELS[f.field];
  const citation = staffCitation(f.source);
  return {
    field: f.field,
    label,
    value: f.value,
    citation,
    old,
    ...(old ? { oldNotice: oldConfirmationNotice(maxAgeMonths) } : {}),
    ...(f.source.url ? { url: f.source.url } : {}),
    text: `${label}: ${f.value}（${citation}）${old ? ` ※${oldConfirmationNotice(maxAgeMonths)}` : ""}`,
  };
}

export function staffFactLines(
  kb: KnowledgeBase,
  p: Program,
  now: Date,
  fields?: readonly FactField[],
): StaffFactLine[] {
  return kb
    .staffFactsOf(p.id)
    .filter((f) => !fields || fields.includes(f.field))
    .map((f) => staffFactLine(f, now, kb.staffSettings.factMaxAgeMonths));
}
