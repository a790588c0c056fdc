// The key cues are matched on: normalize() (NFKC, lower case, long-vowel lookalikes) with katakana folded
// to hiragana and small kana to full size, one character for one character, so a cue found in the key
// sits at the same offsets in normalize(text) and can be cut out of the question.
import { foldKanaSameLength, normalize } from "../../text/normalize.js";

/** The matching key of a message or cue; same length as normalize(text). */
export function matchKey(text: string): string {
  return foldKanaSameLength(normalize(text));
}
