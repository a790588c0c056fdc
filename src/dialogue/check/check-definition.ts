// The 制度診断 as asked in one conversation: the data's steps, preceded by a question about the
// municipality when the deployment serves several and the person has not named one.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { CheckDefinition, CheckStep } from "./check-schema.js";

export const MUNICIPALITY_STEP_ID = "municipality";

export function checkDefinitionFor(def: CheckDefinition, kb: KnowledgeBase, scope: string | null): CheckDefinition {
  if (scope || kb.municipalities.length < 2) return def;
  const step: CheckStep = {
    id: MUNICIPALITY_STEP_ID,
    label: "市",
    question: "どちらの市の制度をお探しですか？",
    multiple: false,
    options: [
      ...kb.municipalities.map((m) => ({
        id: m.slug,
        label: m.name,
        words: [m.name, m.name.replace(/[市町村区]$/u, ""), ...(m.reading ? [m.reading] : [])],
        entryWords: [],
        unlessWords: [],
        audiences: [],
        categories: [],
        municipalities: [m.name],
        any: false,
        reason: "",
      })),
      {
        id: "all",
        label: "すべての市",
        words: ["すべて", "全部", "どちらも", "両方"],
        entryWords: [],
        unlessWords: [],
        audiences: [],
        categories: [],
        municipalities: [],
        any: true,
        reason: "",
      },
    ],
  };
  return { steps: [step, ...def.steps] };
}
