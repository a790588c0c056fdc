// The engine's channel-neutral Reply as LINE messages: the text (split under 5,000 units), the program cards
// as one Flex carousel (≤ 12 bubbles, ≤ 50 KB), and the suggested next actions as quick replies (≤ 13) on the
// last message. At most five messages. A list of several programs goes out as a carousel of their cards
// (one bubble each, with the line saying why it is listed), its numbered text as the altText that clients
// without Flex show. If the result would break a limit anyway, the reply falls back to plain text (the
// numbered list), so a resident always gets an answer LINE accepts.
import type { messagingApi } from "@line/bot-sdk";
import type { ProgramCard, Reply, Suggestion } from "../../dialogue/reply/reply.js";
import { LINE_LIMITS, validateLineMessages } from "./line-limits.js";
import {
  COMPACT_CAPS,
  DETAIL_CAPS,
  FULL_CAPS,
  NOT_STATED,
  clip,
  clipLines,
  programCardBubble,
} from "./flex-program-card.js";
import { encodePostbackAction } from "./postback-action.js";
import { splitText } from "./split-text.js";

type Message = messagingApi.Message;

export function renderLineReply(reply: Reply): Message[] {
  const asCarousel = reply.cards.length === 0 && (reply.listCards?.length ?? 0) > 1;
  const cards = asCarousel ? listCarousel(reply) : reply.cards.length > 0 ? cardsMessage(reply.cards) : undefined;
  const textRoom = LINE_LIMITS.messagesPerRequest - (cards ? 1 : 0);
  const text = asCarousel
    ? [reply.text.trim(), reply.listFooter?.trim() ?? ""].filter(Boolean).join("\n\n")
    : replyText(reply);
  const texts = splitText(text, LINE_LIMITS.textUnits, textRoom).map((text): Message => ({ type: "text", text }));
  const messages = cards ? [...texts, cards] : texts;
  if (messages.length === 0) messages.push({ type: "text", text: "……" });
  withQuickReplies(messages, reply.suggestions);
  return validateLineMessages(messages).length === 0 ? messages : plainFallback(reply);
}

/** The reply's text, its numbered list and the question under the list, as a resident reads them. */
export function replyText(reply: Reply): string {
  const list = reply.list
    .map((item) => `${item.n}. ${item.label}${item.detail ? `\n　${item.detail}` : ""}`)
    .join("\n");
  return [reply.text.trim(), list, reply.listFooter?.trim() ?? ""].filter((s) => s.length > 0).join("\n\n");
}

/** Quick-reply buttons for the suggestions, put on the last message (LINE shows them only there). */
export function withQuickReplies(messages: Message[], suggestions: readonly Suggestion[]): void {
  const items = quickReplyItems(suggestions);
  const last = messages.at(-1);
  if (last && items.length > 0) last.quickReply = { items };
}

export function quickReplyItems(suggestions: readonly Suggestion[]): messagingApi.QuickReplyItem[] {
  const items: messagingApi.QuickReplyItem[] = [];
  for (const s of suggestions) {
    if (items.length === LINE_LIMITS.quickReplyItems) break;
    const label = clip(s.label, LINE_LIMITS.actionLabelUnits);
    if (s.action.kind === "text") {
      items.push({
        type: "action",
        action: { type: "message", label, text: clip(s.action.text, LINE_LIMITS.actionTextUnits) },
      });
      continue;
    }
    const data = encodePostbackAction(s.action);
    if (data) items.push({ type: "action", action: { type: "postback", label, data, displayText: label } });
  }
  return items;
}

/**
 * The cards as one carousel that fits 50 KB: full text first, then compact, then fewer cards. A card shown
 * alone (a 詳しく answer, a single program) first tries the whole summary.
 */
function cardsMessage(cards: readonly ProgramCard[]): messagingApi.FlexMessage {
  let shown = cards.slice(0, LINE_LIMITS.carouselBubbles);
  for (;;) {
    for (const caps of shown.length === 1 ? [DETAIL_CAPS, FULL_CAPS, COMPACT_CAPS] : [FULL_CAPS, COMPACT_CAPS]) {
      const message = flexMessage(
        shown,
        shown.map((c) => programCardBubble(c, caps)),
      );
      if (validateLineMessages([message]).length === 0) return message;
    }
    if (shown.length === 1)
      return flexMessage(
        shown,
        shown.map((c) => programCardBubble(c, COMPACT_CAPS)),
      );
    shown = shown.slice(0, -1);
  }
}

function flexMessage(
  cards: readonly ProgramCard[],
  bubbles: messagingApi.FlexBubble[],
  alt = altText(cards),
): messagingApi.FlexMessage {
  const contents: messagingApi.FlexContainer =
    bubbles.length === 1 ? bubbles[0]! : { type: "carousel", contents: bubbles };
  return { type: "flex", altText: alt, contents };
}

/**
 * A list as a carousel: each listed program's card with its list line (why it is there, or the aspect
 * asked) on top; the altText is the numbered list. Compact cards when the full ones pass 50 KB; none
 * (plain text) if even those do not fit.
 */
function listCarousel(reply: Reply): messagingApi.FlexMessage | undefined {
  const cards = (reply.listCards ?? []).slice(0, LINE_LIMITS.carouselBubbles);
  const notes = new Map(reply.list.map((item) => [item.programId, item.detail]));
  const alt = clipLines(replyText({ ...reply, listFooter: undefined }), LINE_LIMITS.altTextUnits);
  for (const caps of [FULL_CAPS, COMPACT_CAPS]) {
    const message = flexMessage(
      cards,
      cards.map((c, i) => programCardBubble(c, caps, { n: i + 1, note: notes.get(c.id) })),
      alt,
    );
    if (validateLineMessages([message]).length === 0) return message;
  }
  return undefined;
}

/** What LINE shows in notifications and on clients without Flex: the program names; one card adds its summary. */
function altText(cards: readonly ProgramCard[]): string {
  const [only] = cards;
  if (cards.length === 1 && only) {
    const summary = only.fullSummary ?? only.summary;
    return clipLines(
      `${only.name}（${only.sourceTitle} ${only.sourceDate}）${summary ? `\n${summary}` : ""}`,
      LINE_LIMITS.altTextUnits,
    );
  }
  return clip(`支援制度 ${cards.length}件: ${cards.map((c) => c.name).join("、")}`, LINE_LIMITS.altTextUnits);
}

/**
 * Text only: the reply's text, then each card as lines (the whole summary when the card is shown alone).
 * Used when the rich form would break a limit.
 */
export function plainFallback(reply: Reply): Message[] {
  const alone = reply.cards.length === 1;
  const cardLines = reply.cards.map((c) => {
    const summary = alone ? (c.fullSummary ?? c.summary) : c.summary;
    return [
      `■ ${c.name}`,
      ...(summary ? [alone ? clipLines(summary, 2_000) : clip(summary, 120)] : []),
      `金額: ${c.amountText ?? NOT_STATED}`,
      `担当: ${c.department}`,
      `出典: ${c.sourceTitle}（${c.sourceDate}）`,
      ...(c.staffFacts ?? []).map((f) => `職員確認 ${f.text}`),
    ].join("\n");
  });
  const text = [replyText(reply), ...cardLines].join("\n\n");
  const messages: Message[] = splitText(text, LINE_LIMITS.textUnits, LINE_LIMITS.messagesPerRequest).map((t) => ({
    type: "text",
    text: t,
  }));
  if (messages.length === 0) messages.push({ type: "text", text: "……" });
  withQuickReplies(messages, reply.suggestions);
  return validateLineMessages(messages).length === 0
    ? messages
    : messages.map(({ quickReply: _q, ...m }) => m as Message);
}
