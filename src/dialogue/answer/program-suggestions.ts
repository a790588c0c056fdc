// The next actions offered under a program answer: the aspects not yet shown, then a way back.
import type { Program } from "../../knowledge/schema.js";
import type { Aspect } from "../intents/intent-schema.js";
import { suggestion, type Suggestion } from "../reply/reply.js";

export const ASPECT_LABELS: Record<Aspect, string> = {
  amount: "金額",
  eligibility: "対象",
  apply: "申請方法",
  contact: "問い合わせ先",
  period: "期間・情報の日付",
  detail: "詳しく",
};

const OFFERED: Aspect[] = ["amount", "eligibility", "apply", "contact", "detail"];

export function programSuggestions(p: Program, shown: Aspect, hasList: boolean): Suggestion[] {
  const aspects = p.nameOnly ? (["contact"] as Aspect[]) : OFFERED;
  const out = aspects
    .filter((a) => a !== shown)
    .map((aspect) => suggestion(ASPECT_LABELS[aspect], { kind: "aspect", programId: p.id, aspect }));
  out.push(
    hasList
      ? suggestion("一覧に戻る", { kind: "back" })
      : suggestion("ほかの制度", { kind: "text", text: "ほかの制度" }),
  );
  return out;
}
