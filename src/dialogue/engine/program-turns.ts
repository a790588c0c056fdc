// Turns about programs: finding them, answering an aspect of one, and listing several. A new topic moves
// the focus; a follow-up without a topic (「いくら？」) is answered for the program in focus.
import type { Program } from "../../knowledge/schema.js";
import { maskPersonalData } from "../../text/mask-personal-data.js";
import type { Aspect, IntentId } from "../intents/intent-schema.js";
import type { Classification } from "../intents/intent-classifier.js";
import { cutCues } from "../intents/intent-classifier.js";
import { topicWords } from "../intents/topic-words.js";
import type { Reply } from "../reply/reply.js";
import { answerAspect } from "../answer/aspect-answer.js";
import { listAnswer } from "../answer/list-answer.js";
import { noMatchAnswer } from "../answer/no-match-answer.js";
import { whichProgramAnswer } from "../answer/small-talk.js";
import { faqAnswer } from "../answer/faq-answer.js";
import { choosePrograms } from "./program-choice.js";
import { answerContext, focusProgram, listedPrograms, scopeOf, searchEntries, setList, type Turn } from "./turn.js";

/** The answer about one program, which becomes the focus. `intent` is what the message asked (find → detail). */
export function answerProgram(turn: Turn, p: Program, aspect: Aspect, intent: IntentId = aspect): Reply {
  turn.session.focus = p.id;
  turn.session.pendingAspect = null;
  return { ...answerAspect(p, aspect, answerContext(turn)), intent };
}

export function showList(turn: Turn, programs: Program[], intent: IntentId, pendingAspect: Aspect | null, lead?: string): Reply {
  const r = listAnswer(programs, {
    intent,
    lead: lead ?? `関係しそうな制度が${Math.min(programs.length, 5)}件見つかりました。`,
    pendingAspect,
    kb: turn.kb,
    municipalities: scopeOf(turn) ? undefined : [...new Set(programs.map((p) => p.municipality))],
  });
  setList(turn, r.programs.map((p) => p.id), pendingAspect);
  return r;
}

/** Searches the message as a topic: one program → its card, several → a list, none → no match. */
export function findTurn(turn: Turn, query: string, intent: IntentId = "find", aspect: Aspect = "detail", found = searchEntries(turn, query)): Reply {
  turn.session.lastQuery = maskPersonalData(query);
  const top = found.results[0];
  if (found.noMatch || !top) return noMatchAnswer(turn.kb, scopeOf(turn), intent);
  const faq = top.type === "faq" ? turn.kb.faq(top.id) : undefined;
  if (faq) return faqAnswer(faq);
  const choice = choosePrograms(turn.kb, found.results, query);
  if (choice.single) return answerProgram(turn, choice.single, aspect, intent);
  if (choice.several.length === 0) return noMatchAnswer(turn.kb, scopeOf(turn), intent);
  return showList(turn, choice.several, intent, aspect === "detail" ? null : aspect);
}

/**
 * An aspect question (金額・対象・…). With a topic besides the aspect's words (「陣痛タクシーの担当課」)
 * the topic is searched, and the program in focus keeps the focus when the search finds it too
 * (「受診券は何回分？」 about 妊婦健診). Without one (「いくら？」) it is about the focus or the list.
 */
export function aspectTurn(turn: Turn, text: string, cls: Classification, aspect: Aspect): Reply {
  const aspectCues = cls.cues.filter((c) => c.intent !== "find");
  const focus = focusProgram(turn);
  if (topicWords(text, aspectCues, turn.parts.tokenizer, turn.parts.fillers).length > 0) {
    const query = cutCues(text, aspectCues);
    const found = searchEntries(turn, query);
    if (!focus) return findTurn(turn, query, cls.intent, aspect, found);
    const movesFocus = !found.noMatch && !found.results.some((h) => h.id === focus.id) && choosePrograms(turn.kb, found.results, query).single;
    // only a topic that clearly names another program moves the focus; a vague word (「もらえる」) does not
    if (movesFocus) return findTurn(turn, query, cls.intent, aspect, found);
  }
  return followUp(turn, aspect);
}

function followUp(turn: Turn, aspect: Aspect): Reply {
  const focus = focusProgram(turn);
  if (focus) return answerProgram(turn, focus, aspect);
  const listed = listedPrograms(turn);
  if (listed.length === 1) return answerProgram(turn, listed[0]!, aspect);
  if (listed.length > 1) return showList(turn, listed, aspect, aspect === "detail" ? null : aspect, "さきほどの一覧の制度です。");
  return whichProgramAnswer(aspect);
}

/** 「2番目を詳しく」 or 「2」 after a list: that program, for the aspect asked now or before. */
export function ordinalTurn(turn: Turn, position: number | "last", aspect: Aspect | undefined): Reply | undefined {
  const listed = listedPrograms(turn);
  const p = position === "last" ? listed[listed.length - 1] : listed[position - 1];
  if (!p) return undefined;
  return answerProgram(turn, p, aspect ?? turn.session.pendingAspect ?? "detail");
}
