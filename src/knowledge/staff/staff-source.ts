// Where a staff-confirmed fact or answer comes from: the member of staff who vouched for it, their
// department and the day they confirmed it (and who approved it, when review is on). Shown to residents
// as 「（子育て支援課 山田 確認 2026-12-01）」, so a resident can tell a staff answer from a document's.
import { z } from "zod";

const text = z.string().trim().min(1, "must not be empty");

/** A calendar day as YYYY-MM-DD (the day of confirmation, or the last day an answer is valid). */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD (e.g. 2026-12-01)")
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    "is not a real date",
  );

export const httpUrl = z
  .string()
  .trim()
  .regex(/^https?:\/\/\S+$/, "must be a web address starting with http:// or https://");

export const StaffSource = z.strictObject({
  kind: z.literal("staff"),
  /** The member of staff who gave the answer or fact (a name, or a Slack user's display name). */
  by: text,
  department: text,
  /** The day it was confirmed. */
  date: isoDay,
  /** The second member of staff who approved it (review on). */
  approvedBy: text.optional(),
  /** A page that states it (the city's web page, a leaflet). */
  url: httpUrl.optional(),
  /** 「この日まで有効」: after this day the entry is no longer served. */
  validUntil: isoDay.optional(),
});
export type StaffSource = z.infer<typeof StaffSource>;

/** 「子育て支援課 山田 確認 2026-12-01」: who, department and date, as residents see them. */
export function staffCitation(s: StaffSource): string {
  return `${s.department} ${s.by} 確認 ${s.date}`;
}
