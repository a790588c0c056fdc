// One turn in progress: the knowledge and index of this turn (read once, so a reload mid-turn changes
// nothing), the person's session (mutated by the handlers, saved by the engine) and the clock.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { Program } from "../../knowledge/schema.js";
import type { JapaneseTokenizer } from "../../text/tokenizer.js";
import { analyzeMessage, type Analysis } from "../../text/analysis.js";
import type { DialogueData } from "../intents/load-dialogue-data.js";
import type { IntentClassifier } from "../intents/intent-classifier.js";
import type { TopicWords } from "../intents/topic-words.js";
import type { PassageReader } from "../answer/passage-match.js";
import type { OptionWords } from "../check/option-words.js";
import type { Session } from "../session/session.js";
import type { AnswerContext } from "../answer/aspect-answer.js";
import type { ProgramSearch, SearchOptionsLike } from "./engine-deps.js";
import { exampleQuestions, type ExampleQuestions } from "./example-questions.js";
import { withoutExpired } from "../../knowledge/staff/validity.js";
import { municipalityMatcher } from "./municipality-spans.js";

/** Built once per engine. */
export interface EngineParts {
  data: DialogueData;
  classifier: IntentClassifier;
  tokenizer: JapaneseTokenizer;
  fillers: TopicWords;
  /** The fillers left out of a question's words when they are looked for in a program's text. */
  questionFillers: TopicWords;
  /** Reads programs' own text for the words of a question (cached per program). */
  passages: PassageReader;
  /** Recognises the 制度診断's options in a typed answer (by word and by reading). */
  optionWords: OptionWords;
}

export interface Turn {
  parts: EngineParts;
  kb: KnowledgeBase;
  index: ProgramSearch;
  session: Session;
  /** The deployment's municipality (a city's own account), fixed; null serves every municipality. */
  deployment: string | null;
  now: Date;
  /** A member of staff can take over on this channel (see ConversationEngineOptions.staffReachable). */
  staffReachable: boolean;
}

/** The municipality this turn answers for: the deployment's, else one the person named. */
export function scopeOf(turn: Turn): string | null {
  return turn.deployment ?? turn.session.municipality;
}

/**
 * A text of this turn analysed, once: the message at the top of the engine, or a text the turn derives
 * from it (the message without its aspect cues, the last question asked again). Every later step reads
 * this value; none normalises or tokenises the text again.
 */
export function analyse(turn: Turn, text: string): Analysis {
  return analyzeMessage(text, turn.parts.tokenizer, municipalityMatcher(turn.kb));
}

export const SEARCH_TOP = 10;

export function searchEntries(turn: Turn, query: Analysis, options: SearchOptionsLike = {}) {
  const municipality = scopeOf(turn) ?? undefined;
  const found = turn.index.search(query, { top: SEARCH_TOP, ...(municipality ? { municipality } : {}), ...options });
  return withoutExpired(found, (id) => turn.kb.faq(id), turn.now); // 「この日まで有効」 has passed: not served
}

/** The example questions for the greeting and help, from the scope's own programs. */
export function examplesOf(turn: Turn, scope: string | null = scopeOf(turn)): ExampleQuestions {
  return exampleQuestions(turn.kb, turn.index, scope, turn.parts.data.lifeEvents);
}

export function answerContext(turn: Turn): AnswerContext {
  return { kb: turn.kb, now: turn.now, hasList: turn.session.list.length > 1 };
}

/** The programs of the session's list that still exist (a reload may have removed some). */
export function listedPrograms(turn: Turn): Program[] {
  return turn.session.list.flatMap((id) => {
    const p = turn.kb.program(id);
    return p ? [p] : [];
  });
}

export function focusProgram(turn: Turn): Program | undefined {
  return turn.session.focus ? turn.kb.program(turn.session.focus) : undefined;
}

/** A new list replaces the last one (and the result of a finished 制度診断, which was a list too). */
export function setList(turn: Turn, ids: string[], pendingAspect: Session["pendingAspect"] = null): void {
  turn.session.list = ids;
  turn.session.focus = null;
  turn.session.pendingAspect = pendingAspect;
  if (turn.session.check?.asking === null) turn.session.check = null;
}
