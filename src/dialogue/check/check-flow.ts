// The 制度診断 as state transitions over plain data (the session's CheckState). Changing an earlier
// answer keeps the later ones: after any answer the flow asks the first askable step still unanswered,
// and shows the result when there is none.
import type { CheckDefinition, CheckStep } from "./check-schema.js";
import type { CheckState } from "../session/session.js";

/** The steps to ask given the answers so far (a step with askIf waits for the answer it depends on). */
export function askableSteps(def: CheckDefinition, answers: Record<string, string[]>): CheckStep[] {
  return def.steps.filter(
    (s) =>
      !s.askIf ||
      Object.entries(s.askIf).every(([step, options]) => (answers[step] ?? []).some((o) => options.includes(o))),
  );
}

/** The steps still to be asked or already asked: a step whose condition is not yet decided counts. */
export function plannedSteps(def: CheckDefinition, answers: Record<string, string[]>): CheckStep[] {
  return def.steps.filter(
    (s) =>
      !s.askIf ||
      Object.entries(s.askIf).every(([step, options]) => {
        const given = answers[step] ?? [];
        return given.length === 0 || given.some((o) => options.includes(o));
      }),
  );
}

export function startCheck(def: CheckDefinition): CheckState {
  return { answers: {}, asking: def.steps[0]?.id ?? null, paused: false };
}

function nextUnanswered(def: CheckDefinition, answers: Record<string, string[]>): string | null {
  return askableSteps(def, answers).find((s) => (answers[s.id] ?? []).length === 0)?.id ?? null;
}

/** Records an answer and moves on; answers to steps that are no longer asked are dropped. */
export function answerStep(def: CheckDefinition, state: CheckState, stepId: string, optionIds: string[]): CheckState {
  const answers = { ...state.answers, [stepId]: optionIds };
  const askable = new Set(askableSteps(def, answers).map((s) => s.id));
  for (const id of Object.keys(answers)) if (!askable.has(id)) delete answers[id];
  return { answers, asking: nextUnanswered(def, answers), paused: false };
}

/** Back one question: from the result to the last question, from a question to the one before it. */
export function backStep(def: CheckDefinition, state: CheckState): CheckState {
  const steps = askableSteps(def, state.answers);
  const at = state.asking === null ? steps.length : steps.findIndex((s) => s.id === state.asking);
  const previous = steps[Math.max(0, at - 1)];
  return { ...state, asking: previous?.id ?? state.asking, paused: false };
}

export function editStep(def: CheckDefinition, state: CheckState, stepId: string): CheckState {
  const known = askableSteps(def, state.answers).some((s) => s.id === stepId);
  return known ? { ...state, asking: stepId, paused: false } : state;
}

export function stepById(def: CheckDefinition, id: string | null): CheckStep | undefined {
  return id === null ? undefined : def.steps.find((s) => s.id === id);
}
