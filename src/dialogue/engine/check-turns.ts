// Turns of the 制度診断: start, an answer (button or typed), 戻る, changing an earlier answer, quitting,
// resuming after a question asked in between. The state lives in the session as plain data.
import type { Analysis } from "../../text/analysis.js";
import { reply, suggestion, type CheckAction, type Reply } from "../reply/reply.js";
import { checkDefinitionFor } from "../check/check-definition.js";
import { answerStep, backStep, editStep, startCheck, stepById } from "../check/check-flow.js";
import { checkReply } from "../check/check-answer.js";
import { readCheckCommand, type CheckCommand } from "../check/check-text.js";
import type { CheckDefinition } from "../check/check-schema.js";
import { scopeOf, type Turn } from "./turn.js";

function definition(turn: Turn): CheckDefinition {
  return checkDefinitionFor(turn.parts.data.check, turn.kb, scopeOf(turn));
}

function view(turn: Turn): Reply {
  const state = turn.session.check;
  if (!state) return startCheckTurn(turn);
  const { reply: r, shown } = checkReply(definition(turn), state, turn.kb, scopeOf(turn), turn.now);
  if (state.asking === null) {
    turn.session.list = shown;
    turn.session.focus = null;
    turn.session.pendingAspect = null;
  }
  return r;
}

export function startCheckTurn(turn: Turn): Reply {
  turn.session.check = startCheck(definition(turn));
  return view(turn);
}

export function checkCommandTurn(turn: Turn, command: CheckCommand): Reply {
  const def = definition(turn);
  const state = turn.session.check ?? startCheck(def);
  if (command.op === "quit") {
    turn.session.check = null;
    return reply("check", "制度診断を終わりました。知りたいことがあれば、自由に書いてください。", {
      suggestions: [suggestion("もう一度診断する", { kind: "check", op: "start" })],
    });
  }
  if (command.op === "back") turn.session.check = backStep(def, state);
  else if (command.op === "edit") turn.session.check = editStep(def, state, command.step);
  else turn.session.check = answerStep(def, state, command.step, command.options);
  return view(turn);
}

export function checkActionTurn(turn: Turn, action: CheckAction): Reply {
  switch (action.op) {
    case "start":
      return startCheckTurn(turn);
    case "answer":
      return checkCommandTurn(turn, { op: "answer", step: action.step, options: [action.option] });
    case "edit":
      return checkCommandTurn(turn, { op: "edit", step: action.step });
    case "back":
    case "quit":
      return checkCommandTurn(turn, { op: action.op });
    case "resume":
    case "result":
      if (turn.session.check) turn.session.check.paused = false;
      return view(turn);
  }
}

/** A typed message read as part of the check, or undefined when it is something else. */
export function checkTextTurn(turn: Turn, message: Analysis): Reply | undefined {
  const state = turn.session.check;
  if (!state) return undefined;
  const def = definition(turn);
  const asking = state.paused ? undefined : stepById(def, state.asking);
  const command = readCheckCommand(message, def, asking, turn.parts.optionWords);
  if (!command) return undefined;
  const inFlow = state.asking !== null && !state.paused;
  if (!inFlow && command.op !== "edit" && command.op !== "back") return undefined; // 「終了してますか」 is a question
  // 戻る under a program card opened from the result goes back to the result list, not to a question
  if (state.asking === null && command.op === "back" && turn.session.focus) return undefined;
  return checkCommandTurn(turn, command);
}

export const UNPLACED_ANSWER =
  "すみません、そのお答えをどの選択肢にするか分かりませんでした。当てはまるものを選ぶか、番号で答えてください。";

/**
 * A message in the middle of the check that is not one of its answers. A question that finds something
 * pauses the check (the answer offers to resume it); one that finds nothing was most likely an answer the
 * check could not place, so the question is asked again with its choices — never a bare "not found".
 */
export function pauseCheck(turn: Turn, r: Reply): Reply {
  const state = turn.session.check;
  if (!state || state.asking === null || r.intent === "check" || r.intent === "reset") return r;
  if (!state.paused && r.noMatch) {
    const again = view(turn);
    return { ...again, text: `${UNPLACED_ANSWER}\n${again.text}` };
  }
  state.paused = true;
  return { ...r, suggestions: [...r.suggestions, suggestion("診断を続ける", { kind: "check", op: "resume" })] };
}
