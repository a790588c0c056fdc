// LINE rendering of real replies: every program of the knowledge base as a card, carousels of the longest
// cards, quick replies and long texts, all checked against LINE's limits; and what a resident sees on a card.
import { beforeAll, describe, expect, it } from "vitest";
import { resolve } from "node:path";
import type { messagingApi } from "@line/bot-sdk";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.js";
import type { KnowledgeBase } from "../../src/knowledge/knowledge-base.js";
import { programCard } from "../../src/dialogue/answer/program-facts.js";
import { reply, type ProgramCard, type Suggestion } from "../../src/dialogue/reply/reply.js";
import { renderLineReply } from "../../src/channels/line/render-reply.js";
import { validateLineMessages, LINE_LIMITS } from "../../src/channels/line/line-limits.js";
import { decodePostbackAction } from "../../src/channels/line/postback-action.js";

const NOW = new Date("2025-06-01T00:00:00+09:00");
let kb: KnowledgeBase;
let cards: ProgramCard[];

beforeAll(async () => {
  kb = await loadKnowledgeOrThrow(resolve(import.meta.dirname, "../../knowledge"));
  cards = kb.programs.map((p) => programCard(kb, p, NOW));
});

const flexOf = (messages: messagingApi.Message[]) =>
  messages.find((m): m is messagingApi.FlexMessage => m.type === "flex");
const bubblesOf = (m: messagingApi.FlexMessage): messagingApi.FlexBubble[] =>
  m.contents.type === "carousel" ? m.contents.contents : [m.contents as messagingApi.FlexBubble];
/** Every text a resident can read in a bubble, in order. */
function textsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (typeof node !== "object" || node === null) return [];
  const o = node as Record<string, unknown>;
  const own = o["type"] === "text" && typeof o["text"] === "string" ? [o["text"]] : [];
  return [...own, ...Object.values(o).flatMap(textsOf)];
}

describe("renderLineReply", () => {
  it("renders every program of the knowledge base as a card within LINE's limits", () => {
    expect(cards.length).toBeGreaterThan(50);
    for (const card of cards) {
      const messages = renderLineReply(reply("find", `${card.name}の情報です。`, { cards: [card] }));
      expect(validateLineMessages(messages), card.id).toEqual([]);
      expect(flexOf(messages), card.id).toBeDefined();
    }
  });

  it("renders the whole knowledge base, twelve cards at a time, as carousels within 50 KB", () => {
    const longestFirst = [...cards].sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length);
    for (let i = 0; i < longestFirst.length; i += 12) {
      const batch = longestFirst.slice(i, i + 12);
      const messages = renderLineReply(reply("browse", "該当する制度です。", { cards: batch }));
      expect(validateLineMessages(messages)).toEqual([]);
      expect(bubblesOf(flexOf(messages)!).length).toBeGreaterThan(0);
    }
  });

  it("shows at most 12 bubbles however many cards the engine gives", () => {
    const messages = renderLineReply(reply("browse", "一覧です。", { cards: cards.slice(0, 20) }));
    expect(bubblesOf(flexOf(messages)!).length).toBeLessThanOrEqual(LINE_LIMITS.carouselBubbles);
    expect(validateLineMessages(messages)).toEqual([]);
  });

  it("puts the program's facts, source date and buttons on its card", () => {
    const p = kb.programs.find(
      (x) => x.benefits?.some((b) => b.amounts?.length) && x.period?.toFiscalYear !== undefined,
    )!;
    const card = programCard(kb, p, NOW);
    const bubble = bubblesOf(flexOf(renderLineReply(reply("find", "こちらです。", { cards: [card] })))!)[0]!;
    const texts = textsOf(bubble.body).join("\n");
    expect(texts).toContain(p.name.slice(0, 30));
    expect(texts).toContain(card.amountText!.slice(0, 30));
    expect(texts).toContain(card.department);
    expect(texts).toContain(kb.sourceOf(p).date);
    expect(texts).toContain(kb.sourceOf(p).title.slice(0, 20));
    const buttons = (bubble.footer!.contents as messagingApi.FlexButton[]).map(
      (b) => b.action as messagingApi.PostbackAction,
    );
    expect(buttons.map((a) => a.label)).toEqual(["金額", "対象", "問い合わせ先", "申請方法", "詳しく"]);
    expect(buttons.map((a) => decodePostbackAction(a.data!))).toEqual(
      ["amount", "eligibility", "contact", "apply", "detail"].map((aspect) => ({
        kind: "aspect",
        programId: p.id,
        aspect,
      })),
    );
  });

  it("badges a program whose period has ended with 「期間終了」, and only then", () => {
    const ended = cards.find((c) => c.periodEnded)!;
    const running = { ...ended, periodEnded: false, notice: null };
    const endedTexts = textsOf(flexOf(renderLineReply(reply("find", "x", { cards: [ended] })))!.contents);
    expect(endedTexts).toContain("期間終了");
    expect(endedTexts.join("\n")).toContain(ended.notice!.slice(0, 20));
    expect(textsOf(flexOf(renderLineReply(reply("find", "x", { cards: [running] })))!.contents)).not.toContain(
      "期間終了",
    );
  });

  it("marks a name-only row's audiences as inferred, and shows a status the source states", () => {
    const inferred = cards.find((c) => c.id === "imari-tokubetsu-shien-gakko-rusu-katei-jido-club-unei")!;
    expect(textsOf(bubblesOf(flexOf(renderLineReply(reply("detail", "", { cards: [inferred] })))!)[0])).toContain(
      "子育て世帯・障がい者向け（事業名からの推定）",
    );
    const reviewed = cards.find((c) => c.id === "iizuka-gaikoku-jinzai-koyo-shien")!;
    const texts = textsOf(bubblesOf(flexOf(renderLineReply(reply("detail", "", { cards: [reviewed] })))!)[0]);
    expect(texts).toContain("見直し中");
    expect(texts.some((t) => t.startsWith("状況: 見直し中（資料の記載:「【令和4年度は予算ゼロ】"))).toBe(true);
  });

  it("says the source does not state an amount rather than leaving it blank", () => {
    const card = cards.find((c) => c.amountText === null && !c.nameOnly)!;
    const texts = textsOf(flexOf(renderLineReply(reply("find", "x", { cards: [card] })))!.contents);
    expect(texts).toContain("出典に記載なし");
  });

  it("turns suggestions into at most 13 quick replies on the last message, labels within 20 characters", () => {
    const suggestions: Suggestion[] = Array.from({ length: 16 }, (_, i) => ({
      label: `とても長いラベルの候補その${i}番目です`,
      action: { kind: "category", category: `子育て${i}` },
    }));
    suggestions.push({ label: "保育園", action: { kind: "text", text: "保育園について" } });
    const messages = renderLineReply(reply("find", "次はどうしますか？", { cards: cards.slice(0, 2), suggestions }));
    expect(messages[0]!.quickReply).toBeUndefined();
    const items = messages.at(-1)!.quickReply!.items!;
    expect(items).toHaveLength(13);
    expect(items.every((i) => (i.action as { label: string }).label.length <= 20)).toBe(true);
    expect(validateLineMessages(messages)).toEqual([]);
  });

  it("sends a text suggestion as the resident's own words, other actions as postbacks", () => {
    const messages = renderLineReply(
      reply("help", "どうぞ", {
        suggestions: [
          { label: "保育園", action: { kind: "text", text: "保育園について" } },
          { label: "金額", action: { kind: "aspect", programId: cards[0]!.id, aspect: "amount" } },
        ],
      }),
    );
    const [text, postback] = messages[0]!.quickReply!.items!.map((i) => i.action!);
    expect(text).toEqual({ type: "message", label: "保育園", text: "保育園について" });
    expect(decodePostbackAction((postback as messagingApi.PostbackAction).data!)).toEqual({
      kind: "aspect",
      programId: cards[0]!.id,
      aspect: "amount",
    });
  });

  it("splits a very long text into several messages of at most 5,000 units, never more than five in all", () => {
    const long = `${"伊万里市の子育て支援についてのご案内です。\n".repeat(1200)}`;
    const messages = renderLineReply(reply("find", long, { cards: cards.slice(0, 3) }));
    expect(messages.length).toBeLessThanOrEqual(5);
    expect(messages.at(-1)!.type).toBe("flex");
    expect(validateLineMessages(messages)).toEqual([]);
  });

  it("sends a list of the longest cards as a numbered carousel within 50 KB, at most 12, the list as altText", () => {
    const longest = [...cards].sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length).slice(0, 15);
    const list = longest.map((c, i) => ({
      n: i + 1,
      label: `${c.name}（${c.municipality}）`,
      programId: c.id,
      detail: "理由: 子育て・第3子",
    }));
    const messages = renderLineReply(
      reply("find", "関係しそうな制度が15件見つかりました。", {
        list,
        listCards: longest,
        listFooter: "どれについて知りたいですか？",
      }),
    );
    expect(validateLineMessages(messages)).toEqual([]);
    const flex = flexOf(messages)!;
    const bubbles = bubblesOf(flex);
    expect(bubbles).toHaveLength(12);
    expect(textsOf(bubbles[1])).toContain("理由: 子育て・第3子");
    expect(textsOf(bubbles[1]).some((t) => t.startsWith("2. "))).toBe(true);
    expect(flex.altText).toContain("1. ");
    expect(flex.altText.length).toBeLessThanOrEqual(LINE_LIMITS.altTextUnits);
    expect((messages[0] as messagingApi.TextMessage).text).toBe(
      "関係しそうな制度が15件見つかりました。\n\nどれについて知りたいですか？",
    );
  });

  it("writes the numbered list and its question into the text", () => {
    const messages = renderLineReply(
      reply("find", "いくつか見つかりました。", {
        list: [
          { n: 1, label: "出産祝金", detail: "伊万里市" },
          { n: 2, label: "子育て応援" },
        ],
        listFooter: "どれについて知りたいですか？",
      }),
    );
    expect((messages[0] as messagingApi.TextMessage).text).toBe(
      "いくつか見つかりました。\n\n1. 出産祝金\n　伊万里市\n2. 子育て応援\n\nどれについて知りたいですか？",
    );
  });
});
