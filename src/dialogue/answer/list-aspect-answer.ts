// One aspect (金額・対象・申請方法・問い合わせ先・期間) asked over a list: said once. The programs whose
// source states it, each on its line; then one sentence for the rest, with the departments to ask —
// not 「金額: 出典に記載なし」 five times. Contacts are grouped by department. The list stays the
// session's, so 「2番」 still picks from it (for this aspect).
import type { Program } from "../../knowledge/schema.js";
import type { Aspect } from "../intents/intent-schema.js";
import { reply, suggestion, type Reply } from "../reply/reply.js";
import type { AnswerContext } from "./aspect-answer.js";
import { ASPECT_LABELS } from "./program-suggestions.js";
import { amountText, departmentText, forWhom, programRef, sourceLine, statusLine } from "./program-facts.js";

type ListAspect = Exclude<Aspect, "detail">;

/** The aspect as the source states it for one program, or null when it does not. */
const STATED: Record<ListAspect, (p: Program) => string | null> = {
  amount: (p) => (p.nameOnly ? null : amountText(p)),
  eligibility: (p) => (p.nameOnly ? null : forWhom(p)),
  apply: (p) => (p.nameOnly ? null : (p.application ?? null)),
  contact: (p) => departmentText(p),
  period: (p) => p.period?.text ?? null,
};

export function listAspectAnswer(programs: Program[], aspect: ListAspect, ctx: AnswerContext): Reply {
  const label = ASPECT_LABELS[aspect];
  const numbered = programs.map((p, i) => ({ p, n: i + 1, value: STATED[aspect](p) }));
  const lines = aspect === "contact" ? contactLines(numbered) : statedLines(numbered, label);
  const sources = [...new Set(programs.map((p) => sourceLine(ctx.kb, p)))];
  const text = [`さきほどの一覧の${programs.length}件の${label}です。`, ...lines, ...sources].join("\n");
  return reply(aspect, text, {
    programs: programs.map(programRef),
    listFooter: `番号（「2番」など）で選ぶと、その制度の${label}を詳しくお見せします。`,
    suggestions: programs
      .slice(0, 5)
      .map((p, i) => suggestion(`${i + 1}. ${p.name}`, { kind: "select", programId: p.id })),
  });
}

interface Numbered {
  p: Program;
  n: number;
  value: string | null;
}

function statedLines(items: Numbered[], label: string): string[] {
  const stated = items.filter((i) => i.value !== null);
  const rest = items.filter((i) => i.value === null);
  const lines = stated.map((i) => `${i.n}. ${i.p.name}（${i.p.municipality}）: ${i.value}${status(i.p)}`);
  if (rest.length === 0) return lines;
  const whom = [...byDepartment(rest).entries()]
    .map(([dept, group]) => `${dept}: ${group.map((i) => i.n).join("・")}番`)
    .join("、");
  const others =
    stated.length === 0
      ? `どの制度も出典に${label}の記載がありません`
      : `ほかの${rest.length}件は出典に${label}の記載がありません`;
  return [...lines, `${others}。各担当課にお問い合わせください（${whom}）。`];
}

/** 「伊万里市のまちづくり課」 → its programs, in list order. */
function byDepartment(items: Numbered[]): Map<string, Numbered[]> {
  const out = new Map<string, Numbered[]>();
  for (const i of items) {
    const key = `${i.p.municipality}の${departmentText(i.p)}`;
    out.set(key, [...(out.get(key) ?? []), i]);
  }
  return out;
}

/** Every program has a department: one line per department, with the numbers of its programs. */
function contactLines(items: Numbered[]): string[] {
  const lines = [...byDepartment(items).entries()].map(
    ([dept, group]) => `・${dept}: ${group.map((i) => `${i.n}. ${i.p.name}`).join("、")}`,
  );
  return [
    ...lines,
    "出典に電話番号や窓口の場所の記載はありません。お問い合わせの際は、事業名と担当課をお伝えください。",
  ];
}

function status(p: Program): string {
  const s = statusLine(p);
  return s ? `（状況: ${s.split("（")[0]}）` : "";
}
