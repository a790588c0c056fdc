// Turns about programs: finding them, answering an aspect of one, and listing several. A new topic moves
// the focus; a follow-up without a topic (「いくら？」) is answered for the program in focus, and one in
// other words (「何時まで走ってる？」) from its entry's sentences (in-view-question.ts).
import type { Program } from "../../knowledge/schema.js";
import type { Analysis } from "../../text/analysis.js";
import { maskPersonalData } from "../../text/mask-personal-data.js";
import type { Aspect, IntentId } from "../intents/intent-schema.js";
import type { Classification } from "../intents/intent-classifier.js";
import { cutCues } from "../intents/intent-classifier.js";
import { topicWords } from "../intents/topic-words.js";
import { matchKey } from "../intents/match-key.js";
import type { Reply } from "../reply/reply.js";
import { answerAspect } from "../answer/aspect-answer.js";
import { listAnswer } from "../answer/list-answer.js";
import { listAspectAnswer } from "../answer/list-aspect-answer.js";
import { noMatchAnswer, scopeGapAnswer } from "../answer/no-match-answer.js";
import { whichProgramAnswer } from "../answer/small-talk.js";
import { faqAnswer } from "../answer/faq-answer.js";
import { programQuestionAnswer } from "../answer/passage-answer.js";
import { termCount, type QuestionTerms } from "../intents/question-terms.js";
import { choosePrograms } from "./program-choice.js";
import { nounsCheck } from "./nouns-check.js";
import { inViewQuestion, questionTermsOf } from "./in-view-question.js";
import { scopeGap } from "./scope-gap.js";
import { answerContext, focusProgram, listedPrograms, scopeOf, searchEntries, setList, type Turn } from "./turn.js";
import { analyse } from "./turn.js";
import type { SearchHitLike } from "./engine-deps.js";
import { notThereLine, whyMatched } from "../answer/match-reasons.js";
import { missingTopics, modifiesMatched } from "./missing-topics.js";
import { scopeName } from "../answer/scope.js";

/** The answer about one program, which becomes the focus. `intent` is what the message asked (find → detail). */
export function answerProgram(turn: Turn, p: Program, aspect: Aspect, intent: IntentId = aspect): Reply {
  turn.session.focus = p.id;
  turn.session.pendingAspect = null;
  return { ...answerAspect(p, aspect, answerContext(turn)), intent };
}

/** What the search said of a list: the hits (their matched words say why each is there), and whether only close. */
export interface ListEvidence {
  hits: readonly SearchHitLike[];
  close: boolean;
}

export function showList(
  turn: Turn,
  programs: Program[],
  intent: IntentId,
  pendingAspect: Aspect | null,
  lead?: string,
  evidence?: ListEvidence,
): Reply {
  const why = new Map(
    evidence?.hits.flatMap((h) => {
      const line = whyMatched(h.matched);
      return line ? [[h.id, line] as const] : [];
    }),
  );
  const r = listAnswer(programs, {
    intent,
    lead: lead ?? `関係しそうな制度が${Math.min(programs.length, 5)}件見つかりました。`,
    pendingAspect,
    why,
    close: evidence?.close ?? false,
    kb: turn.kb,
    now: turn.now,
    municipalities: scopeOf(turn) ? undefined : [...new Set(programs.map((p) => p.municipality))],
  });
  setList(
    turn,
    r.programs.map((p) => p.id),
    pendingAspect,
  );
  return r;
}

/** A message of the default intent: about the program in view in other words, else a topic to search. */
export function findOrInViewTurn(turn: Turn, message: Analysis, cls: Classification): Reply {
  const found = searchEntries(turn, message);
  const terms = questionTermsOf(turn, message, cls.cues);
  const inView = asksForPrograms(turn, message) ? undefined : inViewQuestion(turn, message, terms, found);
  return inView ?? findTurn(turn, message, "find", "detail", found, () => terms);
}

/** 「高齢者向けの制度は？」 asks for programs; 「その制度は…」 still refers to the one on show. */
function asksForPrograms(turn: Turn, message: Analysis): boolean {
  const key = message.folded;
  const has = (words: readonly string[]) => words.some((w) => key.includes(matchKey(w)));
  const { fillers } = turn.parts.data;
  return has(fillers.programWords) && !has(fillers.references);
}

/**
 * Searches the message as a topic: one program → its card, several → a list, none → no match. A question
 * that asks more than the program's name (「…って何年間もらえる？」) also gets the entry's sentences that
 * answer it. `terms` gives the question's words, asked for only when needed (an FAQ answer needs none);
 * by default the query's own words outside its cues.
 */
export function findTurn(
  turn: Turn,
  query: Analysis,
  intent: IntentId = "find",
  aspect: Aspect = "detail",
  found = searchEntries(turn, query),
  terms: () => QuestionTerms = () => questionTermsOf(turn, query, turn.parts.classifier.classify(query).cues),
): Reply {
  turn.session.lastQuery = maskPersonalData(query.text);
  const top = found.results[0];
  // what the question named that nothing returned has is said first (the search's `unmatched` words)
  const missing = missingTopics(turn, query, found.unmatched);
  const notThere = notThereLine(scopeName(turn.kb, scopeOf(turn)), missing);
  const faq = top?.type === "faq" ? turn.kb.faq(top.id) : undefined;
  if (faq && !found.noMatch) return faqAnswer(faq);
  const words = terms();
  // Nothing fits in the scope, or only brushes it: another municipality's program may fit (and be named).
  const gap = scopeGap(turn, query, words, found);
  if (gap)
    return scopeGapAnswer(turn.kb, scopeOf(turn)!, intent, gap, {
      scoped: turn.deployment !== null,
      ...(notThere ? { lead: notThere } : {}),
    });
  if (found.noMatch || !top) return noMatchAnswer(turn.kb, scopeOf(turn), intent, notThere);
  // the missing word names the kind asked for (ペットの医療費): what matched the rest is not close to it
  if (
    notThere &&
    modifiesMatched(
      query,
      missing,
      (top.matched ?? []).map((m) => m.term),
    )
  )
    return noMatchAnswer(turn.kb, scopeOf(turn), intent, notThere);
  const choice = choosePrograms(turn.kb, found.results, query, nounsCheck(turn, words));
  if (choice.single) return closeTo(notThere, singleAnswer(turn, choice.single, aspect, intent, words));
  if (choice.several.length === 0) return noMatchAnswer(turn.kb, scopeOf(turn), intent, notThere);
  const lead = notThere ? `${notThere}${CLOSE_LEAD}` : undefined;
  return showList(turn, choice.several, intent, aspect === "detail" ? null : aspect, lead, {
    hits: found.results,
    close: notThere !== undefined,
  });
}

const CLOSE_LEAD = "近い制度は次のとおりです（お探しのものそのものではありません）。";

/** One program found, but the question named something it lacks: say that first, and that it is only close. */
function closeTo(notThere: string | undefined, r: Reply): Reply {
  return notThere
    ? { ...r, text: `${notThere}近い制度として、次の制度があります（お探しのものそのものではありません）。\n${r.text}` }
    : r;
}

/**
 * The program found: its card or aspect, and the entry's sentences that answer what the name does not say
 * (a number asked, a word beyond the name). Words the entry lacks are not listed as missing here: the
 * search matched them by meaning (会社 → 企業), and the person has not seen the program yet.
 */
function singleAnswer(turn: Turn, p: Program, aspect: Aspect, intent: IntentId, terms: QuestionTerms): Reply {
  const beyond = p.nameOnly ? undefined : turn.parts.passages.beyondName(p, terms);
  const m = beyond && termCount(beyond) > 0 ? turn.parts.passages.match(p, beyond) : undefined;
  if (!m || m.quotes.length === 0) return answerProgram(turn, p, aspect, intent);
  turn.session.focus = p.id;
  turn.session.pendingAspect = null;
  return programQuestionAnswer({ ...m, missing: [] }, answerContext(turn), {
    intent,
    ...(aspect !== "detail" ? { aspect } : { withCard: true }),
  });
}

/**
 * An aspect question (金額・対象・…). With a topic besides the aspect's words (「陣痛タクシーの担当課」)
 * the topic is searched; a question about the program in view in other words (「返さなくていい条件は？」)
 * is answered from its entry; a topic that clearly names another program moves the focus. Without a topic
 * (「いくら？」) it is about the focus or the list.
 */
export function aspectTurn(turn: Turn, message: Analysis, cls: Classification, aspect: Aspect): Reply {
  const aspectCues = cls.cues.filter((c) => c.intent !== "find");
  if (topicWords(message, aspectCues, turn.parts.fillers).length === 0) return followUp(turn, aspect);
  // the topic without the aspect's words is another text, searched as kuromoji reads it alone
  const query = analyse(turn, cutCues(message, aspectCues));
  const found = searchEntries(turn, query);
  const terms = questionTermsOf(turn, message, cls.cues);
  const inView = inViewQuestion(turn, query, terms, found, aspect);
  if (inView) return inView;
  const focus = focusProgram(turn);
  if (!focus) return findTurn(turn, query, cls.intent, aspect, found, () => terms);
  // only a topic that clearly names another program moves the focus; a vague word (「もらえる」) does not
  const movesFocus =
    !found.noMatch &&
    !found.results.some((h) => h.id === focus.id) &&
    choosePrograms(turn.kb, found.results, query).single;
  if (movesFocus) return findTurn(turn, query, cls.intent, aspect, found, () => terms);
  return followUp(turn, aspect);
}

function followUp(turn: Turn, aspect: Aspect): Reply {
  const focus = focusProgram(turn);
  if (focus) return answerProgram(turn, focus, aspect);
  const listed = listedPrograms(turn);
  if (listed.length === 1) return answerProgram(turn, listed[0]!, aspect);
  if (listed.length > 1 && aspect !== "detail") return listAspectTurn(turn, listed, aspect);
  if (listed.length > 1) return showList(turn, listed, aspect, null, "さきほどの一覧の制度です。");
  return whichProgramAnswer(aspect);
}

/** An aspect over the list on show: said once for all (the list stays, and 「2番」 answers this aspect). */
function listAspectTurn(turn: Turn, listed: Program[], aspect: Exclude<Aspect, "detail">): Reply {
  turn.session.focus = null;
  turn.session.pendingAspect = aspect;
  return listAspectAnswer(listed, aspect, answerContext(turn));
}

/** 「2番目を詳しく」 or 「2」 after a list: that program, for the aspect asked now or before. */
export function ordinalTurn(turn: Turn, position: number | "last", aspect: Aspect | undefined): Reply | undefined {
  const listed = listedPrograms(turn);
  const p = position === "last" ? listed[listed.length - 1] : listed[position - 1];
  if (!p) return undefined;
  return answerProgram(turn, p, aspect ?? turn.session.pendingAspect ?? "detail");
}
