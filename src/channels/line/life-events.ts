// The life events residents start from, shared by the follow greeting's quick replies and the rich menu.
// Categories are the knowledge schema's (src/knowledge/schema.ts CATEGORIES), so the engine can browse them.
import type { Action } from "../../dialogue/reply/reply.js";
import type { Suggestion } from "../../dialogue/reply/reply.js";

export interface LifeEvent {
  /** Short label for a quick reply and the rich menu tile (≤ 20 characters). */
  label: string;
  /** A line under the label on the rich menu image. */
  caption: string;
  action: Action;
}

export const LIFE_EVENTS: readonly LifeEvent[] = [
  { label: "子育て", caption: "妊娠・出産・子育て", action: { kind: "category", category: "子育て" } },
  { label: "移住", caption: "移住・住まい", action: { kind: "category", category: "移住・住まい" } },
  { label: "仕事", caption: "就職・創業・就農", action: { kind: "category", category: "仕事・創業" } },
  { label: "高齢", caption: "高齢・介護", action: { kind: "category", category: "高齢・介護" } },
  { label: "制度診断", caption: "質問に答えて探す", action: { kind: "check", op: "start" } },
  { label: "職員に相談", caption: "担当の職員へ", action: { kind: "handoff" } },
];

export function lifeEventSuggestions(): Suggestion[] {
  return LIFE_EVENTS.map((e) => ({ label: e.label, action: e.action }));
}
