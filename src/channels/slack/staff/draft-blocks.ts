// The App Home's list of drafts waiting for a second member of staff: what each one would say, who wrote it
// and when. 「承認」 and 「差し戻し」 appear only for configured approvers who did not write it; everyone
// else sees the draft without buttons (the server checks again when a button is pressed).
import { LIMITS } from "../block-limits.js";
import { clip, personMrkdwn } from "../mrkdwn.js";
import { mrkdwn, plain, type KnownBlock } from "../render/block-types.js";
import type { Draft } from "../../../knowledge/staff/draft.js";
import { FACT_LABELS } from "../../../knowledge/staff/staff-fact.js";

export const APPROVE_DRAFT_ACTION = "approve_draft";
export const REJECT_DRAFT_ACTION = "reject_draft";
export const MAX_DRAFTS = 10;

export interface DraftViewer {
  userId: string;
  /** A configured approver (the author check is per draft). */
  approver: boolean;
}

export function draftBlocks(drafts: readonly Draft[], viewer: DraftViewer): KnownBlock[] {
  const waiting = drafts.filter((d) => d.status === "draft");
  const header: KnownBlock = { type: "header", text: plain(`承認待ちの下書き（${waiting.length}件）`) };
  if (waiting.length === 0) return [header, { type: "section", text: plain("承認待ちの下書きはありません。") }];
  return [header, ...waiting.slice(0, MAX_DRAFTS).flatMap((d) => oneDraft(d, viewer))];
}

function oneDraft(d: Draft, viewer: DraftViewer): KnownBlock[] {
  const own = d.authorId === viewer.userId;
  const blocks: KnownBlock[] = [
    { type: "section", block_id: `draft:${d.id}`, text: mrkdwn(clip(summary(d), LIMITS.sectionText), true) },
    {
      type: "context",
      elements: [
        mrkdwn(
          clip(
            `${personMrkdwn(d.createdBy)} が作成 · ${d.createdAt.slice(0, 10)} · ${d.id}${own ? " · あなたの下書き（別の職員が承認します）" : ""}`,
            LIMITS.sectionText,
          ),
          true,
        ),
      ],
    },
  ];
  if (viewer.approver && !own) {
    blocks.push({
      type: "actions",
      block_id: `drafta:${d.id}`,
      elements: [
        { type: "button", action_id: APPROVE_DRAFT_ACTION, text: plain("承認"), value: d.id, style: "primary" },
        { type: "button", action_id: REJECT_DRAFT_ACTION, text: plain("差し戻し"), value: d.id, style: "danger" },
      ],
    });
  }
  return blocks;
}

function summary(d: Draft): string {
  if (d.kind === "answer") {
    const e = d.entry;
    const wordings = [e.question, ...(e.questions ?? [])].map((q) => `・${personMrkdwn(q)}`).join("\n");
    return `*回答*（${personMrkdwn(e.department ?? "")}${e.source?.validUntil ? ` · ${e.source.validUntil}まで有効` : ""}）\n${wordings}\n→ ${personMrkdwn(e.answer)}`;
  }
  const f = d.entry;
  return `*制度の情報*（${personMrkdwn(f.source.department)}）\n${personMrkdwn(f.program)} の${FACT_LABELS[f.field]}: ${personMrkdwn(f.value)}`;
}
