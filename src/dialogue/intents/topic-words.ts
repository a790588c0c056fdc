// Whether a message names a topic besides its intent's cues: a content word in the search's sense
// (token-role.ts) that lies outside every cue and is not a filler of intents/lexicon/fillers.yaml
// (それ, 何歳, 教えて …). 「対象は何歳まで？」 names none, so it is a follow-up; 「移住支援金の対象」 names one.
// Tokens are taken from the whole message (cutting cues out first would leave fragments like 「ました」
// that the tokenizer misreads).
import type { AnalyzedWord } from "../../text/analyze.js";
import type { Analysis } from "../../text/analysis.js";
import { termKey } from "../../text/normalize.js";
import type { Fillers } from "./intent-schema.js";
import type { CueHit } from "./cue-matcher.js";

export type TopicWords = ReadonlySet<string>;

/** The filler words as termKeys. */
export function fillerKeys(fillers: Fillers): TopicWords {
  return new Set(
    [...fillers.references, ...fillers.questionWords, ...fillers.politeness, ...fillers.residence].map(termKey),
  );
}

/**
 * The fillers a question's words are read without: residence words stay, because in a question (「住みたく
 * なるような情報発信」) they say what is wanted, even though alone (「飯塚市に住んでいます」) they name no topic.
 */
export function questionFillerKeys(fillers: Fillers): TopicWords {
  return new Set([...fillers.references, ...fillers.questionWords, ...fillers.politeness].map(termKey));
}

/** The content words of the message outside the cues' spans (offsets in its normalized text), as written. */
export function topicWords(message: Analysis, cues: readonly CueHit[], fillers: TopicWords): string[] {
  return topicTokens(message, cues, fillers).map((w) => w.surface);
}

/**
 * The same words, analyzed (base form, reading, part of speech). With `suffixes`, the one-kanji pieces
 * that attach to a word (者, 費, 児, 券) come too, for the caller to join to their neighbour.
 */
export function topicTokens(
  message: Analysis,
  cues: readonly CueHit[],
  fillers: TopicWords,
  suffixes = false,
): AnalyzedWord[] {
  const { normalized } = message;
  if (normalized === "") return [];
  const spans = cues.flatMap((c) => (c.start !== undefined && c.end !== undefined ? [[c.start, c.end] as const] : []));
  const out: AnalyzedWord[] = [];
  let at = 0;
  for (const w of message.words) {
    const start = normalized.indexOf(w.surface, at);
    const end = start < 0 ? at : start + w.surface.length;
    if (start >= 0) at = end;
    const insideCue = start >= 0 && spans.some(([s, e]) => start < e && end > s);
    const piece = suffixes && w.role === "attach" && /^[\u3400-\u9FFF]$/u.test(w.surface);
    if (
      (w.role === "content" || piece) &&
      /[\p{L}\p{N}]/u.test(w.surface) &&
      !insideCue &&
      !fillers.has(w.key) &&
      !fillers.has(termKey(w.surface))
    )
      out.push(w);
  }
  return out;
}
