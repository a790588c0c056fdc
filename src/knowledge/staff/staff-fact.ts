// A fact about a program confirmed by staff: the amount, the way to apply, whom to contact, or whether it
// still runs. It is an overlay beside what the source document says, never a replacement: the bot shows
// both, each with its own source. Stored under knowledge/staff/facts/, one file per program.
import { z } from "zod";
import { entryId } from "../schema.js";
import { StaffSource } from "./staff-source.js";

export const FACT_FIELDS = ["amount", "apply", "contact", "status"] as const;
export type FactField = (typeof FACT_FIELDS)[number];

/** What staff may say about whether a program runs (status facts take exactly one of these). */
export const PROGRAM_STATUSES = ["実施中", "終了", "予算ゼロ", "見直し中"] as const;

/** How each field is named to residents: 「金額: 1回5万円まで（子育て支援課 山田 確認 2026-12-01）」. */
export const FACT_LABELS: Record<FactField, string> = {
  amount: "金額",
  apply: "申請方法",
  contact: "問い合わせ先",
  status: "実施状況",
};

export const StaffFact = z
  .strictObject({
    /** `${program}-${field}`: one current fact per program and field; a correction replaces it. */
    id: z.string().trim().min(1),
    program: entryId,
    field: z.enum(FACT_FIELDS, { error: `must be one of ${FACT_FIELDS.join(", ")}` }),
    value: z.string().trim().min(1, "must not be empty"),
    source: StaffSource,
  })
  .superRefine((f, ctx) => {
    if (f.field === "status" && !(PROGRAM_STATUSES as readonly string[]).includes(f.value)) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: `a status must be one of ${PROGRAM_STATUSES.join(" / ")}`,
      });
    }
  });
export type StaffFact = z.infer<typeof StaffFact>;

export const StaffFactsFile = z.array(StaffFact);

export function factId(program: string, field: FactField): string {
  return `${program}-${field}`;
}
