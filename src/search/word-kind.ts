// What kind of word a group of the question is (model.ts `words`): a topic (noun), what the resident will
// do (verb), what they want to know about the topic (aspect: 手続き, 時間), which aspect (question: いつ, どこ),
// or background (a place they come from, a number with its counter).
import { isAspectTerm, isQuestionWord } from "../text/stop-terms.js";
import type { MODEL } from "./model.js";

export type WordKind = keyof typeof MODEL.words;

export function kindOf(pos: string, key: string): WordKind {
  if (isQuestionWord(key)) return "question";
  if (isAspectTerm(key)) return "aspect";
  return pos === "名詞" ? "noun" : "verb";
}

/** The kind of several words taken as one: a noun if any is, else a verb if any is, else aspect or question. */
export function spanKind(kinds: readonly WordKind[]): WordKind {
  if (kinds.includes("noun")) return "noun";
  if (kinds.includes("verb")) return "verb";
  return kinds.every((k) => k === "question") ? "question" : "aspect";
}
