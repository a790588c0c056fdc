// Numbers written in kanji are the same words as in digits: 第三子 is 第3子, 六十五歳 is 65歳, 二人目 is 2人目,
// and residents and documents write either. kuromoji reads each kanji numeral as a number token of its own
// (六|十|五), so a run of them becomes one number word whose key is its value in digits. 万 and 億 stay as
// they are (五万 → 5 + 万, as 5万 is read), and a kanji numeral right after digits is left alone (5千).
import type { AnalyzedWord } from "./analyze.js";

const DIGITS = "〇一二三四五六七八九";
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const KANJI_NUMERAL = /^[〇一二三四五六七八九十百千]+$/u;
const DIGIT_NUMBER = /^[0-9]+$/u;

const isNumberWord = (w: AnalyzedWord) => w.pos === "名詞" && w.posDetail === "数";
const isKanjiNumeral = (w: AnalyzedWord) => isNumberWord(w) && KANJI_NUMERAL.test(w.surface);

/** The words with every run of kanji numerals made one number word keyed by its value in digits. */
export function withDigitNumbers(words: AnalyzedWord[]): AnalyzedWord[] {
  if (!words.some(isKanjiNumeral)) return words;
  const out: AnalyzedWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const afterDigits = i > 0 && isNumberWord(words[i - 1]!) && DIGIT_NUMBER.test(words[i - 1]!.surface);
    if (!isKanjiNumeral(w) || afterDigits) {
      out.push(w);
      continue;
    }
    let end = i;
    while (end + 1 < words.length && isKanjiNumeral(words[end + 1]!)) end++;
    const surface = words
      .slice(i, end + 1)
      .map((x) => x.surface)
      .join("");
    out.push({ ...w, surface, key: String(kanjiNumberValue(surface)), reading: undefined });
    i = end;
  }
  return out;
}

/** 六十五 → 65, 百 → 100, 二〇二六 → 2026 (digit by digit when no 十, 百, 千 is written). */
export function kanjiNumberValue(text: string): number {
  const chars = [...text];
  if (!chars.some((c) => c in UNITS)) return Number(chars.map((c) => DIGITS.indexOf(c)).join(""));
  let total = 0;
  let digit = 0;
  for (const c of chars) {
    const unit = UNITS[c];
    if (unit === undefined) {
      digit = DIGITS.indexOf(c);
      continue;
    }
    total += (digit === 0 ? 1 : digit) * unit;
    digit = 0;
  }
  return total + digit;
}
