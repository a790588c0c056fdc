// The App Home's list of staff information to look at again: answers past their 「この日まで有効」 date (no
// longer served) and program facts confirmed more than a year ago (still shown, with 「確認から1年以上たっています」).
import type { KnowledgeBase } from "../../../knowledge/knowledge-base.js";
import { faqExpired } from "../../../knowledge/staff/validity.js";
import { FACT_LABELS } from "../../../knowledge/staff/staff-fact.js";
import { isOldConfirmation } from "../../../dialogue/answer/staff-facts.js";
import { LIMITS } from "../block-limits.js";
import { clip, personMrkdwn } from "../mrkdwn.js";
import { mrkdwn, plain, type KnownBlock } from "../render/block-types.js";

export const MAX_REVIEW_ITEMS = 15;

export function reviewLines(kb: KnowledgeBase, now: Date): string[] {
  const expired = kb.faqs
    .filter((f) => faqExpired(f, now))
    .map((f) => `・回答「${personMrkdwn(f.question)}」— ${f.source!.validUntil}で有効期限切れ（表示を止めています）`);
  const old = kb.staffFacts
    .filter((f) => isOldConfirmation(f.source.date, now, kb.staffSettings.factMaxAgeMonths))
    .map(
      (f) =>
        `・${personMrkdwn(kb.program(f.program)?.name ?? f.program)} の${FACT_LABELS[f.field]}「${personMrkdwn(f.value)}」— ${f.source.date} ${personMrkdwn(f.source.by)} 確認（${kb.staffSettings.factMaxAgeMonths}か月以上前）`,
    );
  return [...expired, ...old];
}

export function reviewBlocks(kb: KnowledgeBase, now: Date): KnownBlock[] {
  const lines = reviewLines(kb, now);
  if (lines.length === 0) return [];
  const shown =
    lines.slice(0, MAX_REVIEW_ITEMS).join("\n") +
    (lines.length > MAX_REVIEW_ITEMS ? `\nほか${lines.length - MAX_REVIEW_ITEMS}件` : "");
  return [
    { type: "header", text: plain(`見直しが必要な情報（${lines.length}件）`) },
    { type: "section", text: mrkdwn(clip(shown, LIMITS.sectionText), true) },
    {
      type: "context",
      elements: [plain("「回答を登録」や madoguchi staff add-fact で確認し直すと、新しい日付で置き換わります。")],
    },
  ];
}
