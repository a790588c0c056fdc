// A question about the program on show (or the short list on show) in words that are not an aspect:
// 「何時まで走ってる？」 after 予約乗合タクシー, 「受診券はいつもらえる？」 after 妊婦健診, 「返さなくていい
// 条件は？」 after two loans. It is answered from the entry's own sentences rather than searched as a new
// topic, unless the message clearly turns to another program.
import type { Program } from "../../knowledge/schema.js";
import type { Analysis } from "../../text/analysis.js";
import type { Aspect } from "../intents/intent-schema.js";
import type { CueHit } from "../intents/cue-matcher.js";
import { questionTerms, termCount, type QuestionTerms } from "../intents/question-terms.js";
import type { Reply } from "../reply/reply.js";
import { listQuestionAnswer, programQuestionAnswer } from "../answer/passage-answer.js";
import { LIST_MAX } from "../answer/list-answer.js";
import { choosePrograms, mostNamed, NEAR_TOP, staysListed } from "./program-choice.js";
import { strengthOf } from "./engine-deps.js";
import type { ProgramSearch } from "./engine-deps.js";
import { mentionSpans } from "./municipality-spans.js";
import { answerContext, focusProgram, listedPrograms, setList, type Turn } from "./turn.js";

type Found = ReturnType<ProgramSearch["search"]>;

/** Below this share of its words found in the program on show, a message the search places near it is a new topic. */
export const IN_VIEW_SHARE = 0.5;

/** The question's words outside the cues and the municipality names, and the numbers it asks. */
export function questionTermsOf(turn: Turn, message: Analysis, cues: readonly CueHit[]): QuestionTerms {
  const spans = [...cues, ...mentionSpans(message)];
  return questionTerms(message, spans, turn.parts.questionFillers, turn.parts.data.askedUnits);
}

/** The programs a question may be about without naming one: the focus, else a short list on show. */
function inView(turn: Turn): Program[] {
  const focus = focusProgram(turn);
  if (focus) return [focus];
  const listed = listedPrograms(turn);
  return listed.length > 1 && listed.length <= LIST_MAX ? listed : [];
}

/**
 * The answer from the programs in view, or undefined when the message is a new topic. `found` is the
 * search for the message's topic; `query` the words searched.
 */
export function inViewQuestion(
  turn: Turn,
  query: Analysis,
  terms: QuestionTerms,
  found: Found,
  aspect?: Aspect,
): Reply | undefined {
  const targets = inView(turn);
  if (targets.length === 0 || termCount(terms) === 0 || targets.some((p) => p.nameOnly)) return undefined;
  const matches = targets.map((p) => turn.parts.passages.match(p, terms));
  const best = Math.max(...matches.map((m) => m.found / m.total));
  // a number asked and no thing named (「何人乗れる？」) can only be about the program on show
  const onlyNumber = terms.asked.length > 0 && !terms.words.some((w) => w.noun);
  if (best === 0 && !onlyNumber) return undefined;
  // 「予約乗合タクシー」 again names the program: the card, as for any search, not quotes
  if (matches.some((m) => m.named) || !(onlyNumber || staysInView(turn, query, targets, found, best))) return undefined;
  const intent = aspect ?? "find";
  const answered = matches.filter((m) => m.quotes.length > 0);
  if (targets.length > 1 && answered.length !== 1) {
    const r = listQuestionAnswer(matches, answerContext(turn), intent);
    setList(
      turn,
      targets.map((p) => p.id),
    );
    return r;
  }
  const m = targets.length === 1 ? matches[0]! : answered[0]!;
  turn.session.focus = m.program.id;
  turn.session.pendingAspect = null;
  return programQuestionAnswer(m, answerContext(turn), { intent, ...(aspect ? { aspect } : {}) });
}

/**
 * Whether the message stays with the programs in view. Not when it writes another program's name, nor when
 * the search clearly points at another program (unless every word is in view and the search ranks it too).
 * Yes when the search finds nothing else, or ranks a program in view near its top.
 */
function staysInView(turn: Turn, query: Analysis, targets: Program[], found: Found, share: number): boolean {
  if (found.noMatch || found.results.length === 0) return true;
  const hits = found.results.flatMap((h) => (h.type === "program" ? [h] : []));
  const hitPrograms = hits.flatMap((h) => turn.kb.program(h.id) ?? []);
  const named = mostNamed(hitPrograms, query);
  if (named && !targets.includes(named)) return false;
  const top = hits[0] ? strengthOf(hits[0], 0) : 0;
  const near = new Set(
    hits
      .filter((h, rank) => staysListed(strengthOf(h, rank), top))
      .slice(0, NEAR_TOP)
      .map((h) => h.id),
  );
  const ranked = targets.some((p) => near.has(p.id));
  const single = choosePrograms(turn.kb, found.results, query).single;
  if (single && !targets.includes(single)) return share === 1 && ranked;
  return ranked ? share >= IN_VIEW_SHARE : share === 1;
}
