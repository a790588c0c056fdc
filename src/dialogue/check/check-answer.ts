// The 制度診断's replies: the next question with 「該当 N 件」 so far, or the result with why each program
// matched. Every reply offers 戻る and a way to change any earlier answer.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import { reply, suggestion, type Reply, type Suggestion } from "../reply/reply.js";
import { listAnswer } from "../answer/list-answer.js";
import { programsInScope } from "../answer/scope.js";
import type { CheckState } from "../session/session.js";
import type { CheckDefinition, CheckStep } from "./check-schema.js";
import { askableSteps, plannedSteps, stepById } from "./check-flow.js";
import { checkMatches, type CheckMatch } from "./check-match.js";

export const CHECK_RESULT_MAX = 10;

export interface CheckView {
  reply: Reply;
  /** The programs the reply lists (the session's `shown`). */
  shown: string[];
}

export function checkReply(
  def: CheckDefinition,
  state: CheckState,
  kb: KnowledgeBase,
  scope: string | null,
  now?: Date,
): CheckView {
  const matches = checkMatches(def, state, programsInScope(kb, scope));
  const step = stepById(def, state.asking);
  return step
    ? { reply: questionReply(def, state, step, matches.length), shown: [] }
    : resultReply(def, state, matches, kb, now);
}

function answersSummary(def: CheckDefinition, state: CheckState): string {
  const parts = askableSteps(def, state.answers).flatMap((s) => {
    const labels = s.options.filter((o) => state.answers[s.id]?.includes(o.id)).map((o) => o.label);
    return labels.length > 0 ? [`${s.label}: ${labels.join("・")}`] : [];
  });
  return parts.length > 0 ? `これまでの回答: ${parts.join(" / ")}` : "";
}

function questionReply(def: CheckDefinition, state: CheckState, step: CheckStep, count: number): Reply {
  const steps = plannedSteps(def, state.answers);
  const index = steps.findIndex((s) => s.id === step.id);
  const answeredAny = Object.keys(state.answers).length > 0;
  const text = [
    answeredAny ? `該当 ${count} 件` : "制度診断を始めます。いくつかの質問に答えると、使えそうな制度を絞り込みます。",
    answersSummary(def, state),
    `（質問 ${index + 1}/${steps.length}）${step.question}`,
    step.multiple ? "当てはまるものをすべて選んでください（文字で「乳幼児と小学生」のように書いても大丈夫です）。" : "",
  ]
    .filter(Boolean)
    .join("\n");
  const options: Suggestion[] = step.options.map((o) =>
    suggestion(o.label, { kind: "check", op: "answer", step: step.id, option: o.id }),
  );
  const controls = [
    ...(index > 0 ? [suggestion("戻る", { kind: "check", op: "back" })] : []),
    suggestion("診断をやめる", { kind: "check", op: "quit" }),
  ];
  return reply("check", text, {
    list: step.options.map((o, i) => ({ n: i + 1, label: o.label })),
    suggestions: [...options, ...controls],
  });
}

function resultReply(
  def: CheckDefinition,
  state: CheckState,
  matches: CheckMatch[],
  kb: KnowledgeBase,
  now?: Date,
): CheckView {
  const edits = askableSteps(def, state.answers).map((s) =>
    suggestion(`${s.label}を変える`, { kind: "check", op: "edit", step: s.id }),
  );
  const summary = answersSummary(def, state);
  if (matches.length === 0) {
    const text = [`該当 0 件`, summary, "当てはまる制度は見つかりませんでした。回答を変えると広がります。"]
      .filter(Boolean)
      .join("\n");
    return {
      reply: reply("check", text, {
        noMatch: true,
        suggestions: [suggestion("戻る", { kind: "check", op: "back" }), ...edits],
      }),
      shown: [],
    };
  }
  const top = matches.slice(0, CHECK_RESULT_MAX);
  const more = matches.length > top.length ? `（はじめの${top.length}件を表示。回答を変えると絞り込めます）` : "";
  const lead = [`診断の結果: 該当 ${matches.length} 件${more}`, summary].filter(Boolean).join("\n");
  const reasons = new Map(
    top.map((m) => [m.program.id, `理由: ${m.reasons.join(" / ") || "すべての回答に当てはまる"}`]),
  );
  const list = listAnswer(
    top.map((m) => m.program),
    { intent: "check", lead, reasons, kb, ...(now ? { now } : {}) },
  );
  const lastStep = askableSteps(def, state.answers).at(-1);
  list.listFooter = `番号で選ぶと詳しい内容をお見せします。回答を変えるときは「${lastStep?.label ?? ""}を変える」のように書くか、下のボタンを使ってください。`;
  list.suggestions = [...list.suggestions.slice(0, 3), suggestion("戻る", { kind: "check", op: "back" }), ...edits];
  return { reply: list, shown: top.map((m) => m.program.id) };
}
