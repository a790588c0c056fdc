// Whether a program's own text has the things a question names: its nouns, since verbs are said in too
// many ways (返さなくていい / 返済免除) to require them written in the entry. A verb still tells two
// programs apart when one has it and the other does not (住みたくなる: 定住 has 住, 商業情報発信 not).
import type { Program } from "../../knowledge/schema.js";
import type { QuestionTerms } from "../intents/question-terms.js";
import type { WordsCheck } from "./program-choice.js";
import type { Turn } from "./turn.js";

/** Undefined when the question names no thing. */
export function nounsCheck(turn: Turn, terms: QuestionTerms): WordsCheck | undefined {
  const nouns = terms.words.filter((w) => w.noun);
  if (nouns.length === 0) return undefined;
  const verbs = terms.words.filter((w) => !w.noun);
  const reader = turn.parts.passages;
  const has = (p: Program, words: typeof nouns) => reader.hasAll(p, { words, asked: [] });
  return {
    hasAll: (p) => has(p, nouns),
    mayHaveAll: (p) => reader.mayHaveAll(p, nouns),
    rivals: (p, first) => reader.mayHaveAll(p, nouns) || verbs.some((v) => has(p, [v]) && !has(first, [v])),
  };
}
