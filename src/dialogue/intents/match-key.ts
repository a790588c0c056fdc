// The key cues are matched on: normalize() (NFKC, lower case, long-vowel lookalikes) with katakana folded
// to hiragana and small kana to full size, one character for one character, so a cue found in the key
// sits at the same offsets in normalize(text) and can be cut out of the question.
import { normalize } from "../../text/normalize.js";

const KATAKANA = /[\u30A1-\u30F6]/gu;
const SMALL: Record<string, string> = {
  ぁ: "あ",
  ぃ: "い",
  ぅ: "う",
  ぇ: "え",
  ぉ: "お",
  っ: "つ",
  ゃ: "や",
  ゅ: "ゆ",
  ょ: "よ",
  ゎ: "わ",
};

export function foldSameLength(normalized: string): string {
  return normalized
    .replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/[ぁぃぅぇぉっゃゅょゎ]/gu, (c) => SMALL[c] ?? c);
}

/** The matching key of a message or cue; same length as normalize(text). */
export function matchKey(text: string): string {
  return foldSameLength(normalize(text));
}
