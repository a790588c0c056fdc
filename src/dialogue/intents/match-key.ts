// The key cues are matched on: normalize() (NFKC, lower case, long-vowel lookalikes) with katakana folded
// to hiragana and small kana to full size, one character for one character, so a cue found in the key
// sits at the same offsets in normalize(text) and can be cut out of the question.
import { foldKanaSameLength, normalize } from "../../text/normalize.js";

/** The matching key of a message or cue; same length as normalize(text). */
export function matchKey(text: string): string {
  if (text.length > MEMO_LENGTH) return foldKanaSameLength(normalize(text));
  let key = KEYS.get(text);
  if (key === undefined) {
    key = foldKanaSameLength(normalize(text));
    if (KEYS.size >= MEMO_SIZE) KEYS.clear();
    KEYS.set(text, key);
  }
  return key;
}

/**
 * Keys of short texts: every turn matches the message against the same cue words, question words and
 * program words (asked-units, fillers), whose keys were recomputed each time. Words and cues are short;
 * a longer text (a message) is not kept.
 */
const KEYS = new Map<string, string>();
const MEMO_LENGTH = 12;
const MEMO_SIZE = 20_000;
