// Several programs fit: a short numbered list and a question that narrows it. The list becomes the
// session's `shown`, so 「2番目」 or 「2」 picks from it.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { Program } from "../../knowledge/schema.js";
import type { Aspect, IntentId } from "../intents/intent-schema.js";
import { reply, suggestion, type Reply } from "../reply/reply.js";
import { ASPECT_LABELS } from "./program-suggestions.js";
import { aspectBrief, programCard, programRef, sourceLine } from "./program-facts.js";

export const LIST_MAX = 5;

export interface ListOptions {
  intent: IntentId;
  lead: string;
  /** The aspect asked before a program was chosen (「いくら？」 while several fit). */
  pendingAspect?: Aspect | null;
  /** When the list spans several municipalities and the person has not said which. */
  municipalities?: string[];
  /** Why each program is on the list (制度診断), by program id: every program given is listed. */
  reasons?: Map<string, string>;
  /** Why each program was found (the search's matched words: 「一致: 出産・第3子」), by program id. */
  why?: Map<string, string>;
  /** The question named something none of these has: each item is marked as only close to it. */
  close?: boolean;
  /** Given with a pending aspect: each item shows that aspect, and the list names its sources. */
  kb?: KnowledgeBase;
  /** Name the sources under the list even without a pending aspect (the items quote the entries). */
  withSources?: boolean;
  /** The day the list is shown: with `kb`, the reply carries each program's card (`listCards`). */
  now?: Date;
}

export function listAnswer(programs: Program[], o: ListOptions): Reply {
  const shown = programs.slice(0, o.reasons ? programs.length : LIST_MAX);
  const list = shown.map((p, i) => {
    const found = o.why?.get(p.id);
    const why = o.close ? `近い制度${found ? `（${found}）` : ""}` : found;
    const detail = o.reasons?.get(p.id) ?? (o.pendingAspect ? aspectBrief(p, o.pendingAspect) : null) ?? why ?? null;
    return { n: i + 1, label: `${p.name}（${p.municipality}）`, programId: p.id, ...(detail ? { detail } : {}) };
  });
  const suggestions = shown
    .slice(0, LIST_MAX)
    .map((p, i) => suggestion(`${i + 1}. ${p.name}`, { kind: "select", programId: p.id }));
  const named = o.withSources || (o.pendingAspect && o.pendingAspect !== "detail");
  const sources = o.kb && named ? [...new Set(shown.map((p) => sourceLine(o.kb!, p)))] : [];
  const footer = [...sources, narrowingQuestion(o)].join("\n");
  const listCards = o.kb && o.now ? shown.map((p) => programCard(o.kb!, p, o.now!)) : undefined;
  return reply(o.intent, o.lead, {
    list,
    listFooter: footer,
    suggestions: [...suggestions, ...listAspectSuggestions(shown)],
    programs: shown.map(programRef),
    ...(listCards ? { listCards } : {}),
  });
}

/** The aspects asked over the whole list (「金額」 → each program's amount, said once where the source is silent). */
const LIST_ASPECTS: readonly { label: string; text: string }[] = [
  { label: "金額", text: "いくら？" },
  { label: "対象", text: "対象は？" },
  { label: "申請方法", text: "申請方法は？" },
  { label: "問い合わせ先", text: "どこに聞けばいい？" },
];

function listAspectSuggestions(shown: Program[]) {
  return shown.length > 1 ? LIST_ASPECTS.map((a) => suggestion(a.label, { kind: "text", text: a.text })) : [];
}

function narrowingQuestion(o: ListOptions): string {
  const which = o.pendingAspect
    ? `どの制度の${ASPECT_LABELS[o.pendingAspect]}をお知りになりたいですか？`
    : "どれについて知りたいですか？";
  const cities =
    o.municipalities && o.municipalities.length > 1
      ? `お住まいの市（${o.municipalities.join("・")}）を教えていただくと絞り込めます。`
      : "";
  return `${which}番号（「2番」など）か、もう少し詳しい言葉で教えてください。${cities}`;
}
