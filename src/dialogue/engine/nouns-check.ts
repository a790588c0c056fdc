// Whether a program's own text has the things a question names: its nouns, since verbs are said in too
// many ways (返さなくていい / 返済免除) to expect them written in the entry.
import type { Program } from "../../knowledge/schema.js";
import type { QuestionTerms } from "../intents/question-terms.js";
import type { WordsCheck } from "./program-choice.js";
import type { Turn } from "./turn.js";

/** Undefined when the question names no thing. */
export function nounsCheck(turn: Turn, terms: QuestionTerms): WordsCheck | undefined {
  const nouns = terms.words.filter((w) => w.noun);
  if (nouns.length === 0) return undefined;
  const reader = turn.parts.passages;
  return {
    hasAll: (p: Program) => reader.hasAll(p, { words: nouns, asked: [] }),
    mayHaveAll: (p: Program) => reader.mayHaveAll(p, nouns),
  };
}
