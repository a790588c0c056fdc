// Turns started by a typed message: the 制度診断 reads it first while it is running; otherwise the message
// is classified and handled by intent. A list position (「2番目」) or a municipality alone (「飯塚市」,
// after a question that spanned both) refers to what was said before. The message comes analysed (the
// engine's one Analysis of it): its tokens, keys, list position and municipality mentions are read from it.
import type { Analysis } from "../../text/analysis.js";
import { aspectOf } from "../intents/intent-schema.js";
import type { Classification } from "../intents/intent-classifier.js";
import { topicWords } from "../intents/topic-words.js";
import type { Reply } from "../reply/reply.js";
import {
  greetingAnswer,
  helpAnswer,
  otherMunicipalityAnswer,
  resetAnswer,
  thanksAnswer,
} from "../answer/small-talk.js";
import { categoryMenu } from "../answer/browse-answer.js";
import { aspectTurn, findOrInViewTurn, findTurn, ordinalTurn } from "./program-turns.js";
import { checkTextTurn, pauseCheck, startCheckTurn } from "./check-turns.js";
import { backTurn, browseCategory, handoffTurn } from "./action-turn.js";
import { isBackMessage } from "../check/check-text.js";
import { categoryInText } from "./category-in-text.js";
import { questionTermsOf } from "./in-view-question.js";
import { analyse, examplesOf, focusProgram, scopeOf, type Turn } from "./turn.js";
import { newSession } from "../session/session.js";

export function textTurn(turn: Turn, message: Analysis): Reply {
  const inCheck = checkTextTurn(turn, message);
  if (inCheck) return inCheck;
  if (isBackMessage(message)) return backTurn(turn);
  return pauseCheck(turn, answerText(turn, message));
}

function answerText(turn: Turn, message: Analysis): Reply {
  const cls = turn.parts.classifier.classify(message);
  const position = cls.intent === "find" || aspectOf(cls.intent) ? message.ordinal : undefined;
  if (position !== undefined) {
    // 「1番」 alone names no aspect (it only resembles the example 「1番を詳しく」): the one asked before holds
    const named = cls.cues.some((c) => c.intent === cls.intent) ? aspectOf(cls.intent) : undefined;
    const picked = ordinalTurn(turn, position, named);
    if (picked) return picked;
  }
  const scoped = municipalityTurn(turn, message, cls);
  if (scoped) return scoped;
  return byIntent(turn, message, cls);
}

function byIntent(turn: Turn, message: Analysis, cls: Classification): Reply {
  const scope = scopeOf(turn);
  switch (cls.intent) {
    case "reset":
      turn.session = newSession();
      return resetAnswer(turn.kb, turn.deployment);
    case "greeting":
      return greetingAnswer(turn.kb, scope, examplesOf(turn));
    case "thanks":
      return thanksAnswer(turn.kb, scope);
    case "help":
      return helpAnswer(turn.kb, scope, turn.staffReachable, examplesOf(turn));
    case "handoff":
      return handoffTurn(turn);
    case "check":
      return startCheckTurn(turn);
    case "browse":
      return browseTurn(turn, message, cls);
    case "find":
      return findOrInViewTurn(turn, message, cls);
    default:
      return aspectTurn(turn, message, cls, aspectOf(cls.intent) ?? "detail");
  }
}

function browseTurn(turn: Turn, message: Analysis, cls: Classification): Reply {
  const category = categoryInText(message, turn.parts.data.lifeEvents);
  if (category) return browseCategory(turn, category);
  const browseCues = cls.cues.filter((c) => c.intent === "browse");
  if (topicWords(message, browseCues, turn.parts.fillers).length > 0)
    return findTurn(turn, message, "browse", "detail", undefined, () => questionTermsOf(turn, message, cls.cues));
  // 「ほかの制度」 under a program: the others of its category; under a list: the list again
  const near = focusProgram(turn)?.categories?.[0];
  if (near) return browseCategory(turn, near);
  if (turn.session.list.length > 1) return backTurn(turn);
  return categoryMenu(turn.kb, scopeOf(turn));
}

/**
 * A municipality named when the deployment serves several becomes the conversation's scope. Named alone
 * (「飯塚市です」), it narrows the last question, which is asked again.
 */
function municipalityTurn(turn: Turn, message: Analysis, cls: Classification): Reply | undefined {
  const mention = message.mentions[0];
  if (!mention) return undefined;
  if (turn.deployment)
    return mention.municipality === turn.deployment
      ? undefined
      : otherMunicipalityAnswer(turn.kb, turn.deployment, mention.municipality);
  turn.session.municipality = mention.municipality;
  const span = { intent: cls.intent, cue: mention.municipality, start: mention.start, end: mention.end };
  const saysMore = topicWords(message, [...cls.cues, span], turn.parts.fillers).length > 0;
  if (saysMore || cls.intent !== "find") return undefined;
  const last = turn.session.lastQuery;
  return last
    ? findTurn(turn, analyse(turn, last))
    : greetingAnswer(turn.kb, mention.municipality, examplesOf(turn, mention.municipality));
}
