// Answers one aspect of one program (金額・対象・申請方法・問い合わせ先・期間・詳しく) from its entry only.
// Where the entry lacks the field, the answer says the source does not state it and names whom to ask.
// Every answer ends with the period notice (when the period has ended) and the source document and date.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { Program } from "../../knowledge/schema.js";
import type { Aspect } from "../intents/intent-schema.js";
import { reply, type Reply } from "../reply/reply.js";
import {
  amountsOf,
  departmentText,
  inferredMark,
  periodNotice,
  programCard,
  programRef,
  sourceLine,
  statusLine,
  whomToAsk,
} from "./program-facts.js";
import { ASPECT_LABELS, programSuggestions } from "./program-suggestions.js";
import { warekiSpan } from "./period.js";
import { staffFactLines } from "./staff-facts.js";
import type { FactField } from "../../knowledge/staff/staff-fact.js";

export interface AnswerContext {
  kb: KnowledgeBase;
  now: Date;
  /** A list is showing, so 「一覧に戻る」 makes sense. */
  hasList: boolean;
}

type Body = (p: Program) => string[];

const BODIES: Record<Exclude<Aspect, "detail">, Body> = {
  amount: amountBody,
  eligibility: eligibilityBody,
  apply: applyBody,
  contact: contactBody,
  period: periodBody,
};

export function answerAspect(p: Program, aspect: Aspect, ctx: AnswerContext): Reply {
  if (p.nameOnly) return nameOnlyAnswer(p, aspect, ctx);
  if (aspect === "detail") return detailAnswer(p, ctx);
  const lines = [
    `【${p.name}（${p.municipality}）の${ASPECT_LABELS[aspect]}】`,
    ...aspectLines(p, aspect),
    ...aspectStaffLines(p, aspect, ctx),
  ];
  return reply(aspect, withNoticeAndSource(lines, p, ctx), {
    programs: [programRef(p)],
    suggestions: programSuggestions(p, aspect, ctx.hasList),
  });
}

/** The facts of one aspect, as lines (no heading, notice or source). */
export function aspectLines(p: Program, aspect: Exclude<Aspect, "detail">): string[] {
  return BODIES[aspect](p);
}

/** Which staff-confirmed fact answers each aspect (the period's question is whether it still runs). */
const STAFF_FIELD: Partial<Record<Aspect, FactField>> = {
  amount: "amount",
  apply: "apply",
  contact: "contact",
  period: "status",
};

/** The staff-confirmed fact for the aspect, as its own line with its own source (none: no lines). */
export function aspectStaffLines(p: Program, aspect: Aspect, ctx: AnswerContext): string[] {
  const field = STAFF_FIELD[aspect];
  return field ? staffFactLines(ctx.kb, p, ctx.now, [field]).map((f) => `職員が確認した${f.text}`) : [];
}

export function withNoticeAndSource(lines: string[], p: Program, ctx: AnswerContext): string {
  const notice = periodNotice(p, ctx.now);
  const status = statusLine(p);
  return [...lines, ...(status ? [`状況: ${status}`] : []), ...(notice ? [notice] : []), sourceLine(ctx.kb, p)].join(
    "\n",
  );
}

export function notStated(what: string, p: Program): string {
  return `出典には${what}の記載がありません。詳しくは${whomToAsk(p)}にお問い合わせください。`;
}

function amountBody(p: Program): string[] {
  const amounts = amountsOf(p);
  const benefits = (p.benefits ?? []).filter((b) => b.text);
  const durations = (p.benefits ?? []).flatMap((b) => (b.duration ? [b.duration] : []));
  const lines = amounts.length > 0 ? amounts.map((a) => `・${a.text}`) : [notStated("金額", p)];
  if (durations.length > 0) lines.push(`期間: ${durations.join("、")}`);
  if (benefits.length > 0) lines.push(`内容: ${benefits.map((b) => b.text).join(" / ")}`);
  return lines;
}

function eligibilityBody(p: Program): string[] {
  const text = p.eligibility?.text;
  const conditions = (p.eligibility?.conditions ?? []).map((c) => c.text).filter((c) => !text?.includes(c));
  const lines = text ? [text] : [];
  if (conditions.length > 0) lines.push("条件:", ...conditions.map((c) => `・${c}`));
  if (lines.length === 0) {
    lines.push(notStated("対象者", p));
    if (p.summary) lines.push(`事業の概要: ${p.summary}`);
  }
  if (p.audiences && p.audiences.length > 0)
    lines.push(`対象の分類: ${p.audiences.join("・")}${inferredMark(p, "audiences")}`);
  return lines;
}

function applyBody(p: Program): string[] {
  return p.application
    ? [p.application, `手続きの詳細は${whomToAsk(p)}にご確認ください。`]
    : [notStated("申請方法", p)];
}

function contactBody(p: Program): string[] {
  const dept = departmentText(p);
  const where = dept === p.municipality ? `${p.municipality}役所` : `${p.municipality}役所 ${dept}`;
  return [
    `担当: ${where}`,
    "出典に電話番号や窓口の場所の記載はありません。お問い合わせの際は、この事業名と担当をお伝えください。",
  ];
}

function periodBody(p: Program): string[] {
  if (!p.period) return [notStated("実施期間", p)];
  const span = warekiSpan(p);
  return [`期間: ${p.period.text}${span && !p.period.text.includes(span) ? `（${span}）` : ""}`];
}

function detailAnswer(p: Program, ctx: AnswerContext): Reply {
  return reply("detail", `${p.name}（${p.municipality}）についてお答えします。`, {
    cards: [programCard(ctx.kb, p, ctx.now)],
    programs: [programRef(p)],
    suggestions: programSuggestions(p, "detail", ctx.hasList),
  });
}

function nameOnlyAnswer(p: Program, aspect: Aspect, ctx: AnswerContext): Reply {
  const lines = [
    `【${p.name}（${p.municipality}）】`,
    `出典の資料にはこの事業の名前だけが載っていて、${aspect === "detail" ? "内容・金額・対象・申請方法" : ASPECT_LABELS[aspect]}の記載はありません。`,
    `詳しくは${whomToAsk(p)}にお問い合わせください。`,
  ];
  if (aspect === "period" && p.period) lines.push(`資料上の期間: ${p.period.text}`);
  lines.push(...aspectStaffLines(p, aspect, ctx));
  return reply(aspect, withNoticeAndSource(lines, p, ctx), {
    programs: [programRef(p)],
    cards: aspect === "detail" ? [programCard(ctx.kb, p, ctx.now)] : [],
    suggestions: programSuggestions(p, aspect, ctx.hasList),
  });
}
