// One program as a Block Kit section: the name and summary (the short one among several programs, the
// whole one when the program is shown alone), then the fields staff asked for
// (対象, 金額, 担当課, 期間, 出典と時点) and a details button. Every fact is the engine's ProgramCard, which
// takes it from the knowledge entry; where the source states nothing, the field says so and names the
// department instead of leaving a gap. Knowledge text is ours: escaped for mrkdwn, never defused.
import type { ProgramCard } from "../../../dialogue/reply/reply.js";
import { LIMITS } from "../block-limits.js";
import { clip, escapeMrkdwn } from "../mrkdwn.js";
import { mrkdwn, plain, type SectionBlock } from "./block-types.js";

export const NOT_STATED = "出典に記載なし";
export const DETAILS_ACTION = "program_details";

export interface SectionOptions {
  /** The program is shown alone (a 詳しく answer): show its whole summary, not the first sentences. */
  wholeSummary?: boolean;
}

export function programSection(card: ProgramCard, options: SectionOptions = {}): SectionBlock {
  return {
    type: "section",
    block_id: `program:${card.id}`.slice(0, LIMITS.blockId),
    text: mrkdwn(clip(headline(card, options.wholeSummary === true), LIMITS.sectionText)),
    fields: programFields(card).map(([label, value]) =>
      mrkdwn(clip(`*${label}*\n${escapeMrkdwn(value)}`, LIMITS.fieldText)),
    ),
    accessory: { type: "button", action_id: DETAILS_ACTION, text: plain("詳しく"), value: card.id },
  };
}

function headline(card: ProgramCard, wholeSummary: boolean): string {
  const lines = [`*${escapeMrkdwn(card.name)}*　${escapeMrkdwn(card.municipality)}`];
  const summary = wholeSummary ? (card.fullSummary ?? card.summary) : card.summary;
  if (summary) lines.push(escapeMrkdwn(summary));
  else if (card.nameOnly) lines.push("出典には事業名のみ記載されています。内容は担当課にお問い合わせください。");
  if (card.status) lines.push(`:warning: 状況: ${escapeMrkdwn(card.status)}`);
  if (card.periodEnded) lines.push(`:warning: ${escapeMrkdwn(card.notice ?? "計画期間は終了しています。")}`);
  return lines.join("\n");
}

/** The five fields, label and value, in the order staff read them. */
export function programFields(card: ProgramCard): [string, string][] {
  const period = card.periodText ? `${card.periodText}${card.periodEnded ? "（期間終了）" : ""}` : NOT_STATED;
  return [
    ["対象", card.forWhom ?? NOT_STATED],
    ["金額", card.amountText ?? `${NOT_STATED}（${card.department}へお問い合わせください）`],
    ["担当課", card.department],
    ["期間", period],
    ["出典と時点", `${card.sourceTitle}（${card.sourceDate}）`],
    // staff-confirmed facts, each with its own source: never mixed into the document's fields
    ...(card.staffFacts ?? []).map((f): [string, string] => [
      `${f.label}（職員確認）`,
      `${f.value}（${f.citation}）${f.oldNotice ? `\n※${f.oldNotice}` : ""}`,
    ]),
  ];
}
