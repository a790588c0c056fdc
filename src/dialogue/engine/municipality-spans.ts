// The municipalities a message names (「伊万里と飯塚の…」), with their spans in normalize(text). The names
// say where, not what: they are cut out like cues before the message's own words are looked for.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import { MunicipalityMatcher, type Mention } from "../../search/municipality-mention.js";
import { normalize } from "../../text/normalize.js";
import type { CueHit } from "../intents/cue-matcher.js";

const matchers = new WeakMap<KnowledgeBase, MunicipalityMatcher>();

export function municipalityMatcher(kb: KnowledgeBase): MunicipalityMatcher {
  let m = matchers.get(kb);
  if (!m) matchers.set(kb, (m = new MunicipalityMatcher(kb.municipalities)));
  return m;
}

/** The first mention in the message, if any. */
export function firstMention(kb: KnowledgeBase, text: string): Mention | undefined {
  return municipalityMatcher(kb).find(normalize(text));
}

/** Every mention, as spans shaped like cue hits (the matcher finds the leftmost; found ones are blanked). */
export function mentionSpans(kb: KnowledgeBase, text: string): CueHit[] {
  let rest = normalize(text);
  const spans: CueHit[] = [];
  for (let m = municipalityMatcher(kb).find(rest); m; m = municipalityMatcher(kb).find(rest)) {
    spans.push({ intent: "find", cue: m.municipality, start: m.start, end: m.end });
    rest = rest.slice(0, m.start) + " ".repeat(m.end - m.start) + rest.slice(m.end);
  }
  return spans;
}
