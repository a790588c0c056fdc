// The municipalities a message names (「伊万里と飯塚の…」), as spans shaped like cue hits. The names say
// where, not what: they are cut out like cues before the message's own words are looked for. The mentions
// themselves are found once, when the message is analysed (turn.ts analyse, with this matcher).
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import { MunicipalityMatcher } from "../../search/municipality-mention.js";
import type { Analysis } from "../../text/analysis.js";
import type { CueHit } from "../intents/cue-matcher.js";

const matchers = new WeakMap<KnowledgeBase, MunicipalityMatcher>();

export function municipalityMatcher(kb: KnowledgeBase): MunicipalityMatcher {
  let m = matchers.get(kb);
  if (!m) matchers.set(kb, (m = new MunicipalityMatcher(kb.municipalities)));
  return m;
}

/** Every mention of the message, as spans shaped like cue hits. */
export function mentionSpans(message: Analysis): CueHit[] {
  return message.mentions.map((m) => ({ intent: "find", cue: m.municipality, start: m.start, end: m.end }));
}
