// Turns started by a button or postback: the action says exactly what to do, no classification needed.
import type { Action, Reply } from "../reply/reply.js";
import { reply } from "../reply/reply.js";
import { categoryAnswer, categoryMenu } from "../answer/browse-answer.js";
import { handoffAnswer } from "../answer/handoff-answer.js";
import { answerProgram, showList } from "./program-turns.js";
import { checkActionTurn, checkCommandTurn } from "./check-turns.js";
import { focusProgram, listedPrograms, scopeOf, setList, type Turn } from "./turn.js";

export function actionTurn(turn: Turn, action: Exclude<Action, { kind: "text" } | { kind: "reset" }>): Reply {
  switch (action.kind) {
    case "aspect":
    case "select": {
      const p = turn.kb.program(action.programId);
      if (!p)
        return reply(
          "find",
          "この制度の情報は更新されて見つからなくなりました。お手数ですが、もう一度探してください。",
          { noMatch: true },
        );
      return answerProgram(
        turn,
        p,
        action.kind === "aspect" ? action.aspect : (turn.session.pendingAspect ?? "detail"),
      );
    }
    case "category":
      return browseCategory(turn, action.category);
    case "back":
      return backTurn(turn);
    case "handoff":
      return handoffTurn(turn);
    case "check":
      return checkActionTurn(turn, action);
  }
}

/** The person asked for staff: about the program in view (else the list in view), so the right department is named. */
export function handoffTurn(turn: Turn): Reply {
  const focus = focusProgram(turn);
  const about = focus ? [focus] : listedPrograms(turn);
  return handoffAnswer(turn.kb, scopeOf(turn), turn.staffReachable, about);
}

export function browseCategory(turn: Turn, category: string): Reply {
  const r = categoryAnswer(turn.kb, scopeOf(turn), category, turn.now);
  if (r.programs.length > 0)
    setList(
      turn,
      r.programs.map((p) => p.id),
    );
  return r;
}

/** 戻る: the previous question of a running check, else the last list, else the categories. */
export function backTurn(turn: Turn): Reply {
  const check = turn.session.check;
  if (check && !check.paused && check.asking === null && turn.session.focus)
    return checkActionTurn(turn, { kind: "check", op: "result" });
  if (check && !check.paused) return checkCommandTurn(turn, { op: "back" });
  const listed = listedPrograms(turn);
  if (listed.length > 1) return showList(turn, listed, "browse", null, "さきほどの一覧です。");
  return categoryMenu(turn.kb, scopeOf(turn));
}
