// The facts of a program as they will be said: every string here is taken from the knowledge entry or its
// source document's metadata, never made up. Phrases around them live in the answer composers.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { Amount, Program } from "../../knowledge/schema.js";
import type { ProgramCard, ProgramRef } from "../reply/reply.js";
import type { Aspect } from "../intents/intent-schema.js";
import { periodEnded, warekiFiscalYear } from "./period.js";
import { staffFactLines } from "./staff-facts.js";

export function programRef(p: Program): ProgramRef {
  return { id: p.id, municipality: p.municipality, name: p.name };
}

export function departmentText(p: Program): string {
  return Array.isArray(p.department) ? p.department.join("・") : p.department;
}

/** Who to ask, as a phrase: 「担当課（健康づくり課）」, or 「伊万里市役所」 when the source names only the city. */
export function whomToAsk(p: Program): string {
  const dept = departmentText(p);
  return dept === p.municipality ? `${p.municipality}役所` : `担当課（${dept}）`;
}

export function amountsOf(p: Program): Amount[] {
  return (p.benefits ?? []).flatMap((b) => b.amounts ?? []);
}

export function amountText(p: Program): string | null {
  const amounts = amountsOf(p);
  return amounts.length > 0 ? amounts.map((a) => a.text).join("、") : null;
}

/** Sentences of the summary up to about this many characters: enough to say what the program does. */
export const SUMMARY_CHARS = 120;

/**
 * The summary's first sentences, as many as fit in SUMMARY_CHARS (always at least one). Sentences end at
 * 。 or a line break outside brackets, so （運賃は300円。…） stays whole.
 */
export function summaryLine(p: Program): string | null {
  const summary = p.summary?.trim();
  if (!summary) return null;
  let out = "";
  for (const sentence of sentences(summary)) {
    if (out && [...out].length + [...sentence].length > SUMMARY_CHARS) break;
    out += sentence;
  }
  return out;
}

function sentences(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ("（(「『【".includes(c)) depth++;
    else if ("）)」』】".includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === "。" || c === "\n")) {
      out.push(text.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out.filter(Boolean);
}

export function forWhom(p: Program): string | null {
  if (p.eligibility?.text) return p.eligibility.text;
  const conditions = p.eligibility?.conditions?.map((c) => c.text) ?? [];
  if (conditions.length > 0) return conditions.join("、");
  return p.audiences && p.audiences.length > 0 ? `${p.audiences.join("・")}向け${inferredMark(p, "audiences")}` : null;
}

/** 「（事業名からの推定）」 after audiences or categories the source does not state (name-only rows). */
export function inferredMark(p: Program, field: "audiences" | "categories"): string {
  return p.inferred?.includes(field) ? "（事業名からの推定）" : "";
}

/**
 * The program's status in the source's words, when the source says it is not simply running:
 * 「見直し中（資料の記載:「【令和4年度は予算ゼロ】 【令和5年度から事業見直し…】」）。現在の実施状況は…」.
 */
export function statusLine(p: Program): string | null {
  const s = p.status;
  if (!s || s.value === "実施中") return null;
  return `${s.value}（資料の記載:「${s.quote}」）。現在の実施状況は${whomToAsk(p)}にご確認ください。`;
}

/** 「出典: 「…アクションプラン」（資料の日付: 令和3年11月）」 */
export function sourceLine(kb: KnowledgeBase, p: Program): string {
  const doc = kb.sourceOf(p);
  return `出典: 「${doc.title}」（資料の日付: ${doc.date}）`;
}

/** The notice for a program whose period has ended, or null. */
export function periodNotice(p: Program, now: Date): string | null {
  const to = p.period?.toFiscalYear;
  if (to === undefined || !periodEnded(p, now)) return null;
  const dept = departmentText(p);
  const who = dept === p.municipality ? `${p.municipality}役所` : `担当: ${dept}`;
  return `計画期間は${warekiFiscalYear(to)}まで。現在の実施状況は担当課にご確認ください（${who}）。`;
}

export function programCard(kb: KnowledgeBase, p: Program, now: Date): ProgramCard {
  const doc = kb.sourceOf(p);
  return {
    ...programRef(p),
    summary: summaryLine(p),
    fullSummary: p.summary?.trim() || null,
    amountText: amountText(p),
    forWhom: forWhom(p),
    department: departmentText(p),
    periodText: p.period?.text ?? null,
    periodEnded: periodEnded(p, now),
    notice: periodNotice(p, now),
    status: statusLine(p),
    nameOnly: p.nameOnly === true,
    sourceTitle: doc.title,
    sourceDate: doc.date,
    staffFacts: staffFactLines(kb, p, now),
  };
}

/** One aspect of a program in a few words, for a list item (「どの制度の金額？」 shows each one's amount). */
export function aspectBrief(p: Program, aspect: Aspect): string | null {
  if (p.nameOnly) return "出典には事業名のみ記載";
  switch (aspect) {
    case "amount":
      return `金額: ${amountText(p) ?? "出典に記載なし"}`;
    case "eligibility":
      return `対象: ${forWhom(p) ?? "出典に記載なし"}`;
    case "apply":
      return `申請: ${p.application ?? "出典に記載なし"}`;
    case "contact":
      return `担当: ${departmentText(p)}`;
    case "period":
      return `期間: ${p.period?.text ?? "出典に記載なし"}`;
    case "detail":
      return null;
  }
}
