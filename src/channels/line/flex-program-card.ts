// One program card as a Flex bubble: badges (source date, 「期間終了」), name, summary, the facts
// (amount, who it is for, department, period) and buttons that ask the engine about one aspect.
// A card in a carousel shows the short summary in three lines; a card shown alone (a 詳しく answer) shows
// the whole summary with its line breaks (DETAIL_CAPS).
// Every fact comes from the engine's ProgramCard, which takes them from the knowledge entry; where the
// source states nothing, the card says so rather than leaving a gap.
import type { messagingApi } from "@line/bot-sdk";
import type { Action, ProgramCard } from "../../dialogue/reply/reply.js";
import type { Aspect } from "../../dialogue/intents/intent-schema.js";
import { encodePostbackAction } from "./postback-action.js";

type Bubble = messagingApi.FlexBubble;
type Component = messagingApi.FlexComponent;

/** How much of each text field a bubble shows (UTF-16 units); tighter caps keep a 12-card carousel under 50 KB. */
export interface TextCaps {
  name: number;
  summary: number;
  fact: number;
  /** Show the entry's whole summary (`fullSummary`), line breaks kept and no line cap: a card shown alone. */
  wholeSummary?: boolean;
}

/** A text component's practical ceiling on LINE (the API takes more; clients render up to about this). */
export const FLEX_TEXT_MAX = 2_000;

export const DETAIL_CAPS: TextCaps = { name: 80, summary: FLEX_TEXT_MAX, fact: 400, wholeSummary: true };
export const FULL_CAPS: TextCaps = { name: 80, summary: 120, fact: 160 };
export const COMPACT_CAPS: TextCaps = { name: 60, summary: 60, fact: 70 };

export const NOT_STATED = "出典に記載なし";

/** The buttons under every card, in the order the issue lists them. */
export const CARD_BUTTONS: readonly { label: string; aspect: Aspect }[] = [
  { label: "金額", aspect: "amount" },
  { label: "対象", aspect: "eligibility" },
  { label: "問い合わせ先", aspect: "contact" },
  { label: "申請方法", aspect: "apply" },
  { label: "詳しく", aspect: "detail" },
];

const GRAY = "#666666";
const ENDED_RED = "#B3261E";
const LIST_NOTE = "#1A4F9C";

export function clip(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

/** Like clip, but keeps line breaks (a summary's 「・…」 lines) and only tidies the spaces inside lines. */
export function clipLines(text: string, max: number): string {
  const tidy = text
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n");
  const chars = [...tidy];
  return chars.length <= max ? tidy : `${chars.slice(0, max - 1).join("")}…`;
}

/** A card's place in a list: its number (as the resident refers to it, 「2番」) and why it is listed. */
export interface ListPlace {
  n: number;
  note?: string | undefined;
}

export function programCardBubble(card: ProgramCard, caps: TextCaps = FULL_CAPS, place?: ListPlace): Bubble {
  const name = place ? `${place.n}. ${card.name}` : card.name;
  const body: Component[] = [
    badges(card),
    { type: "text", text: clip(name, caps.name), weight: "bold", size: "md", wrap: true, margin: "md" },
    ...(place?.note
      ? [{ type: "text", text: clip(place.note, caps.fact), size: "xs", color: LIST_NOTE, wrap: true } as Component]
      : []),
    summaryText(card, caps),
    { type: "separator", margin: "md" },
    fact("金額", card.amountText ?? NOT_STATED, caps.fact),
    fact("対象", card.forWhom ?? NOT_STATED, caps.fact),
    fact("担当", card.department, caps.fact),
    fact("期間", card.periodText ?? NOT_STATED, caps.fact),
  ];
  if (card.status) {
    body.push({
      type: "text",
      text: clip(`状況: ${card.status}`, caps.fact),
      size: "xs",
      color: ENDED_RED,
      wrap: true,
      margin: "sm",
    });
  }
  if (card.periodEnded && card.notice) {
    body.push({
      type: "text",
      text: clip(card.notice, caps.fact),
      size: "xs",
      color: ENDED_RED,
      wrap: true,
      margin: "sm",
    });
  }
  body.push({
    type: "text",
    text: clip(`出典: ${card.sourceTitle}（${card.sourceDate}）`, caps.fact),
    size: "xxs",
    color: GRAY,
    wrap: true,
    margin: "md",
  });
  // staff-confirmed facts after the document's source line, each naming its own source
  for (const f of card.staffFacts ?? [])
    body.push({
      type: "text",
      text: clip(`職員確認 ${f.text}`, caps.fact),
      size: "xxs",
      color: GRAY,
      wrap: true,
      margin: "sm",
    });
  return {
    type: "bubble",
    size: "kilo",
    body: { type: "box", layout: "vertical", spacing: "xs", contents: body },
    footer: { type: "box", layout: "vertical", spacing: "none", contents: buttons(card) },
  };
}

function summaryText(card: ProgramCard, caps: TextCaps): messagingApi.FlexText {
  const missing = card.nameOnly ? "出典には事業名だけが載っています" : "概要は出典に記載がありません";
  if (caps.wholeSummary) {
    return {
      type: "text",
      text: clipLines(card.fullSummary ?? card.summary ?? missing, caps.summary),
      size: "sm",
      color: GRAY,
      wrap: true,
    };
  }
  return {
    type: "text",
    text: clip(card.summary ?? missing, caps.summary),
    size: "sm",
    color: GRAY,
    wrap: true,
    maxLines: 3,
  };
}

function badges(card: ProgramCard): messagingApi.FlexBox {
  const contents: Component[] = [badge(clip(`出典 ${card.sourceDate}`, 18), "#E8F0FE", "#1A4F9C")];
  if (card.periodEnded) contents.push(badge("期間終了", "#FCE8E6", ENDED_RED));
  else if (card.status) contents.push(badge(clip(card.status.split("（")[0]!, 8), "#FCE8E6", ENDED_RED));
  return { type: "box", layout: "horizontal", spacing: "sm", contents };
}

function badge(text: string, background: string, color: string): messagingApi.FlexBox {
  return {
    type: "box",
    layout: "vertical",
    flex: 0,
    backgroundColor: background,
    cornerRadius: "sm",
    paddingAll: "xs",
    contents: [{ type: "text", text, size: "xxs", color, weight: "bold" }],
  };
}

function fact(label: string, value: string, cap: number): messagingApi.FlexBox {
  return {
    type: "box",
    layout: "baseline",
    spacing: "sm",
    margin: "sm",
    contents: [
      { type: "text", text: label, size: "xs", color: GRAY, flex: 2 },
      { type: "text", text: clip(value, cap), size: "xs", wrap: true, flex: 7 },
    ],
  };
}

function buttons(card: ProgramCard): Component[] {
  const out: Component[] = [];
  for (const b of CARD_BUTTONS) {
    const action: Action = { kind: "aspect", programId: card.id, aspect: b.aspect };
    const data = encodePostbackAction(action);
    if (!data) continue; // an id too long for LINE's postback data: leave the button out rather than send it broken
    out.push({
      type: "button",
      style: "link",
      height: "sm",
      action: { type: "postback", label: b.label, data, displayText: clip(`${card.name}の${b.label}`, 100) },
    });
  }
  return out;
}
