// Reads a typed message during the 制度診断: an option of the step being asked (by number, label or one
// of its words; several for a multiple-choice step), 戻る, やめる, or 「家族を変える」.
import { termKey } from "../../text/normalize.js";
import type { Analysis } from "../../text/analysis.js";
import type { CheckDefinition, CheckStep } from "./check-schema.js";
import type { AnswerText, OptionWords } from "./option-words.js";

export type CheckCommand =
  | { op: "answer"; step: string; options: string[] }
  | { op: "back" }
  | { op: "quit" }
  | { op: "edit"; step: string };

const BACK = ["戻る", "もどる", "戻って", "前の質問", "ひとつ前", "一つ前"];
const QUIT = ["やめる", "やめます", "やめたい", "中止", "終了", "キャンセル"];
const CHANGE = ["変え", "かえ", "変更", "直し", "なおし", "選び直"];

const has = (key: string, words: string[]) => words.some((w) => key.includes(termKey(w)));

/** A short message that only asks to go back (「戻る」「一覧に戻って」), not a question that mentions it. */
export function isBackMessage(message: Analysis): boolean {
  const { key } = message;
  return [...key].length <= 8 && has(key, BACK);
}

export function readCheckCommand(
  message: Analysis,
  def: CheckDefinition,
  asking: CheckStep | undefined,
  words: OptionWords,
): CheckCommand | undefined {
  const { key } = message;
  if (has(key, QUIT)) return { op: "quit" };
  if (has(key, CHANGE)) {
    const step = def.steps.find((s) => key.includes(termKey(s.label)));
    if (step) return { op: "edit", step: step.id };
  }
  if (has(key, BACK)) return { op: "back" };
  if (!asking) return undefined;
  const options = chosenOptions(words.answerText(message), asking, words);
  return options.length > 0 ? { op: "answer", step: asking.id, options } : undefined;
}

function chosenOptions(text: AnswerText, step: CheckStep, words: OptionWords): string[] {
  const number = /^(\d{1,2})(?:番|つ目|番目)?$/u.exec(text.key);
  if (number) {
    const option = step.options[Number(number[1]) - 1];
    return option ? [option.id] : [];
  }
  const found = step.options
    .map((o) => ({ id: o.id, any: o.any, at: words.position(text, o, step) }))
    .filter((f) => f.at >= 0)
    .sort((a, b) => a.at - b.at);
  const specific = found.filter((f) => !f.any);
  const picked = specific.length > 0 ? specific : found;
  return (step.multiple ? picked : picked.slice(0, 1)).map((f) => f.id);
}
