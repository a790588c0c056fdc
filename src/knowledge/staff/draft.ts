// A change staff propose, waiting for a second member of staff (knowledge/staff/drafts/<id>.yaml). It
// holds the entry exactly as it will be written on approval, so what the approver sees is what lands.
//   id: a-20261201-3fa9c1        # a- for an answer (FAQ), f- for a program fact
//   kind: answer
//   status: draft                # draft | rejected
//   createdBy: 山田               # the author's name (Slack: display name)
//   authorId: U024BE7LH          # Slack user id, when made in Slack (the self-approval check uses it)
//   createdAt: 2026-12-01T10:15:00.000Z
//   entry: { id: staff-…, question: …, answer: …, source: {kind: staff, by: 山田, department: …, date: …} }
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { Faq } from "../schema.js";
import { StaffFact } from "./staff-fact.js";

const text = z.string().trim().min(1, "must not be empty");

export const Rejection = z.strictObject({ by: text, byId: text.optional(), reason: text, at: z.string() });

const common = {
  id: z.string().regex(/^[af]-\d{8}-[0-9a-f]{6}$/, "is not a draft id (e.g. a-20261201-3fa9c1)"),
  status: z.enum(["draft", "rejected"]),
  createdBy: text,
  authorId: text.optional(),
  createdAt: z.string(),
  rejection: Rejection.optional(),
};

export const AnswerDraft = z.strictObject({ ...common, kind: z.literal("answer"), entry: Faq });
export const FactDraft = z.strictObject({ ...common, kind: z.literal("fact"), entry: StaffFact });
export const Draft = z.discriminatedUnion("kind", [AnswerDraft, FactDraft]);
export type Draft = z.infer<typeof Draft>;
export type DraftKind = Draft["kind"];

export function newDraftId(kind: DraftKind, now: Date): string {
  return `${kind === "answer" ? "a" : "f"}-${now.toISOString().slice(0, 10).replace(/-/g, "")}-${randomBytes(3).toString("hex")}`;
}

/** The id of a staff FAQ entry: stable, and never confused with imported ones. */
export function newStaffFaqId(): string {
  return `staff-${randomBytes(4).toString("hex")}`;
}

/** The day in Japan (staff confirm things on Japanese calendar days), as YYYY-MM-DD. */
export function japanDay(now: Date): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}
