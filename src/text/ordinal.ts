// 「2番目」「２つ目」「3番」「②」「最初の」「最後の」 or a bare 「2」: which item of the last list is meant.
// Returns a 1-based position, "last", or undefined when the message names none.
import { normalize } from "./normalize.js";

const KANJI_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩";

export type Ordinal = number | "last";

export function ordinalIn(text: string): Ordinal | undefined {
  return ordinalOf(text, normalize(text));
}

/** The same, from the text and its normalize() (a message's Analysis has both). */
export function ordinalOf(text: string, normalized: string): Ordinal | undefined {
  // ① is read before normalizing: NFKC makes it a bare 1
  const circled = [...text].map((c) => CIRCLED.indexOf(c)).find((i) => i >= 0);
  if (circled !== undefined) return circled + 1;
  const t = normalized.replace(/\s/gu, "");
  const digits = /^(\d{1,2})[.。、]?$/u.exec(t) ?? /(\d{1,2})(?:番目|番|つ目|個目|件目)/u.exec(t);
  if (digits) return Number(digits[1]);
  const kanji = /([一二三四五六七八九十])(?:番目|番|つ目|個目|件目)/u.exec(t);
  if (kanji) return KANJI_DIGITS[kanji[1]!];
  if (/(?:最初|いちばん上|一番上)の/u.test(t)) return 1;
  if (/(?:最後|いちばん下|一番下)の/u.test(t)) return "last";
  return undefined;
}
