// The life events residents start from, shared by the follow greeting's quick replies and the rich menu.
// Categories are the knowledge schema's (src/knowledge/schema.ts CATEGORIES), so the engine can browse them.
// An account shows the first TOPIC_TILES topics whose category has programs in its own knowledge (伊万里市
// has no 高齢・介護 program, so its menu offers 就農 instead), then the two tiles every account has.
import type { Action } from "../../dialogue/reply/reply.js";
import type { Suggestion } from "../../dialogue/reply/reply.js";

export interface LifeEvent {
  /** Short label for a quick reply and the rich menu tile (≤ 20 characters). */
  label: string;
  /** A line under the label on the rich menu image. */
  caption: string;
  action: Action;
}

/** Topic tiles in order of preference. The rich menu image draws only the glyphs of these texts. */
export const LIFE_EVENT_TOPICS: readonly LifeEvent[] = [
  { label: "子育て", caption: "妊娠・出産・子育て", action: { kind: "category", category: "子育て" } },
  { label: "移住", caption: "移住・住まい", action: { kind: "category", category: "移住・住まい" } },
  { label: "仕事", caption: "就職・創業・就農", action: { kind: "category", category: "仕事・創業" } },
  { label: "高齢", caption: "高齢・介護", action: { kind: "category", category: "高齢・介護" } },
  { label: "就農", caption: "就農・農業", action: { kind: "category", category: "農林水産" } },
];

const ALWAYS: readonly LifeEvent[] = [
  { label: "制度診断", caption: "質問に答えて探す", action: { kind: "check", op: "start" } },
  { label: "職員に相談", caption: "担当の職員へ", action: { kind: "handoff" } },
];

export const TOPIC_TILES = 4;

/** Every label and caption the menu may draw (for the glyph atlas). */
export const ALL_LIFE_EVENTS: readonly LifeEvent[] = [...LIFE_EVENT_TOPICS, ...ALWAYS];

/**
 * The account's life events: the first topics whose category has programs (`hasPrograms`; without it the
 * first ones), then 制度診断 and 職員に相談. Topics without programs fill up only if too few have any.
 */
export function lifeEventsFor(hasPrograms?: (category: string) => boolean): LifeEvent[] {
  const categoryOf = (e: LifeEvent) => (e.action.kind === "category" ? e.action.category : "");
  const withPrograms = hasPrograms ? LIFE_EVENT_TOPICS.filter((e) => hasPrograms(categoryOf(e))) : LIFE_EVENT_TOPICS;
  const rest = LIFE_EVENT_TOPICS.filter((e) => !withPrograms.includes(e));
  return [...[...withPrograms, ...rest].slice(0, TOPIC_TILES), ...ALWAYS];
}

/** The life events of an account that knows no knowledge: the first topics. */
export const LIFE_EVENTS: readonly LifeEvent[] = lifeEventsFor();

export function lifeEventSuggestions(events: readonly LifeEvent[] = LIFE_EVENTS): Suggestion[] {
  return events.map((e) => ({ label: e.label, action: e.action }));
}
