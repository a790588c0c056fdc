// Whether a message names a topic besides its intent's cues: a content word in the search's sense
// (token-role.ts) that lies outside every cue and is not a filler of intents/lexicon/fillers.yaml
// (それ, 何歳, 教えて …). 「対象は何歳まで？」 names none, so it is a follow-up; 「移住支援金の対象」 names one.
// Tokens are taken from the whole message (cutting cues out first would leave fragments like 「ました」
// that the tokenizer misreads).
import type { JapaneseTokenizer } from "../../text/tokenizer.js";
import { analyzeWords } from "../../text/analyze.js";
import { normalize, termKey } from "../../text/normalize.js";
import type { Fillers } from "./intent-schema.js";
import type { CueHit } from "./cue-matcher.js";

export type TopicWords = ReadonlySet<string>;

/** The filler words as termKeys. */
export function fillerKeys(fillers: Fillers): TopicWords {
  return new Set([...fillers.references, ...fillers.questionWords, ...fillers.politeness, ...fillers.residence].map(termKey));
}

/** The content words of the message outside the cues' spans (offsets in normalize(text)). */
export function topicWords(text: string, cues: readonly CueHit[], tokenizer: JapaneseTokenizer, fillers: TopicWords): string[] {
  const normalized = normalize(text);
  if (normalized === "") return [];
  const spans = cues.flatMap((c) => (c.start !== undefined && c.end !== undefined ? [[c.start, c.end] as const] : []));
  const out: string[] = [];
  let at = 0;
  for (const w of analyzeWords(normalized, tokenizer)) {
    const start = normalized.indexOf(w.surface, at);
    const end = start < 0 ? at : start + w.surface.length;
    if (start >= 0) at = end;
    const insideCue = start >= 0 && spans.some(([s, e]) => start < e && end > s);
    if (w.role === "content" && /[\p{L}\p{N}]/u.test(w.surface) && !insideCue && !fillers.has(w.key) && !fillers.has(termKey(w.surface))) out.push(w.surface);
  }
  return out;
}
