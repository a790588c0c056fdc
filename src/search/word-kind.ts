// What kind of word a group of the question is (model.ts `words`): a topic (noun), what the resident will
// do (verb), what they want to know about the topic (aspect: 申請, 対象, which a program's record answers;
// otherAspect: 開館時間, 支払い, which it does not hold), which aspect (question: いつ, どこ), or background
// (a place they come from, a number with its counter, a relative the question is about).
import { isAspectTerm, isOtherAspect, isQuestionWord, isRelativeWord } from "../text/stop-terms.js";
import type { MODEL } from "./model.js";

export type WordKind = keyof typeof MODEL.words;

export function kindOf(pos: string, key: string): WordKind {
  if (isQuestionWord(key)) return "question";
  if (isOtherAspect(key)) return "otherAspect";
  if (isAspectTerm(key)) return "aspect";
  if (isRelativeWord(key)) return "background";
  return pos === "名詞" ? "noun" : "verb";
}

/**
 * The kind of several words taken as one: a noun if any is, else a verb if any is, else background if any
 * is, else an aspect (one a record does not hold if any is: 開館 + 時間), else a question word.
 */
export function spanKind(kinds: readonly WordKind[]): WordKind {
  if (kinds.includes("noun")) return "noun";
  if (kinds.includes("verb")) return "verb";
  if (kinds.includes("background")) return "background";
  if (kinds.includes("otherAspect")) return "otherAspect";
  return kinds.every((k) => k === "question") ? "question" : "aspect";
}
