// Turns text into the terms the index stores and queries look up. Every term is a termKey() (normalized,
// kana folded), with a one-character prefix saying what kind of term it is:
//   不妊        a word: base form of a content token (預けたい → 預ける)
//   ~こども     the reading of a word written in kanji and kana (子ども), so 子供 / 子ども / こども meet
//   =ふにん     the reading of a word written in kanji only: another kanji word with the same reading is
//               usually a different word (起業 / 企業 are both きぎょう), so questions weigh it less
//   +医療費     a compound: two neighbouring noun pieces joined (医療+費, 不妊+治療), rewarding phrase matches
//   #妊治       a character bigram, the fallback for words kuromoji splits badly, unknown words and typos
import type { JapaneseToken, JapaneseTokenizer } from "./tokenizer.js";
import { normalize, foldKana, termKey, hasKanji, hasKana } from "./normalize.js";
import { tokenRole, type TokenRole } from "./token-role.js";
import { canonicalSpelling } from "./spelling-variants.js";
import { withDigitNumbers } from "./kanji-numerals.js";

export const READING_PREFIX = "~";
export const KANJI_READING_PREFIX = "=";
export const COMPOUND_PREFIX = "+";
export const GRAM_PREFIX = "#";

export interface AnalyzedWord {
  /** The token as written (normalized). */
  surface: string;
  /** termKey of the base form. */
  key: string;
  /** Folded reading of a noun written with kanji (verbs are conjugated: their readings would not meet). */
  reading?: string;
  role: TokenRole;
  /** Part of speech (名詞, 動詞, 形容詞 …) and its first sub-category (接尾, 数 …). */
  pos: string;
  posDetail: string;
  /** 名詞 and 接頭詞 pieces, which may join into compounds. */
  nounish: boolean;
  /** A place name (東京, 福岡): a question naming another place than the one it is scoped to asks about that place. */
  place?: boolean;
  /** false when kuromoji's dictionary does not know the word (it guessed the boundaries). */
  known: boolean;
}

export function analyzeWords(text: string, tokenizer: JapaneseTokenizer): AnalyzedWord[] {
  return wordsOf(tokenizer.tokenize(spelledForTokenizer(text)));
}

/** What kuromoji is given for a text: normalized, with the spellings it cannot segment rewritten. */
export function spelledForTokenizer(text: string): string {
  return canonicalSpelling(normalize(text));
}

/** kuromoji's tokens as the search reads them (base forms as keys, readings, roles). */
export function wordsOf(tokens: readonly JapaneseToken[]): AnalyzedWord[] {
  return withDigitNumbers(tokens.map(wordOf));
}

function wordOf(t: JapaneseToken): AnalyzedWord {
  const key = termKey(t.base);
  const reading = t.reading ? foldKana(t.reading) : undefined;
  return {
    surface: t.surface,
    key,
    reading: reading && reading !== key && hasKanji(t.surface) && t.pos === "名詞" ? reading : undefined,
    role: tokenRole(t),
    pos: t.pos,
    posDetail: t.posDetail,
    nounish: t.pos === "名詞" || t.pos === "接頭詞",
    known: t.known,
    ...(t.place ? { place: true } : {}),
  };
}

/** Words and their readings (content tokens only). */
export function wordTerms(words: readonly AnalyzedWord[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    if (w.role !== "content") continue;
    out.push(w.key);
    if (w.reading) out.push(readingTerm(w.surface, w.reading));
  }
  return out;
}

/** The kanji suffixes of compounds as words of their own: kuromoji reads 油 in 食用油 as a suffix (entries index these). */
export function suffixWords(words: readonly AnalyzedWord[]): string[] {
  return words.filter(isKanjiSuffix).map((w) => w.key);
}

/** A kanji suffix of a compound (油 of 食用油, 館 of 児童館): a word of its own too. */
export const isKanjiSuffix = (w: AnalyzedWord) => w.role === "attach" && w.posDetail === "接尾" && hasKanji(w.key);

export function readingTerm(surface: string, reading: string): string {
  return (hasKana(surface) ? READING_PREFIX : KANJI_READING_PREFIX) + reading;
}

/**
 * The compound two neighbouring words make, if they make one: both noun pieces, neither dropped, one content
 * or a number (第+3, 3+子 of 第3子; 65+歳: a number and its counter say something no word does).
 */
export function compoundOf(a: AnalyzedWord, b: AnalyzedWord): string | undefined {
  if (!a.nounish || !b.nounish || a.role === "drop" || b.role === "drop") return undefined;
  if (a.role !== "content" && b.role !== "content" && !isNumber(a) && !isNumber(b)) return undefined;
  return COMPOUND_PREFIX + a.key + b.key;
}

export const isNumber = (w: AnalyzedWord) => w.pos === "名詞" && w.posDetail === "数";

/** Neighbouring noun pieces joined pairwise (by their keys); a dropped token (particle, stop term) breaks the run. */
export function compoundTerms(words: readonly AnalyzedWord[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const compound = compoundOf(words[i - 1]!, words[i]!);
    if (compound) out.push(compound);
  }
  return out;
}

/** Character bigrams of the folded text, never across spaces or punctuation. */
export function charNgrams(text: string, n = 2): string[] {
  return charNgramsOfNormalized(normalize(text), n);
}

/** charNgrams of a text already normalized (a message's Analysis holds it). */
export function charNgramsOfNormalized(normalized: string, n = 2): string[] {
  const out: string[] = [];
  for (const piece of foldKana(normalized).split(/[^\p{L}\p{N}々〆ー]+/u)) {
    const chars = [...piece];
    for (let i = 0; i + n <= chars.length; i++) out.push(GRAM_PREFIX + chars.slice(i, i + n).join(""));
  }
  return out;
}

/**
 * The character channel's terms: bigrams, and each kanji alone — a kanji carries meaning by itself, so
 * 郵送 meets 郵便 and 油 meets 食用油 where no word or bigram does.
 */
export function characterTerms(text: string): string[] {
  const kanji = [...foldKana(normalize(text))].filter((c) => KANJI.test(c)).map((c) => GRAM_PREFIX + c);
  return [...charNgrams(text), ...kanji];
}

const KANJI = /^[\p{Script=Han}々]$/u;

/** Whether a character-channel term is a single kanji rather than a bigram. */
export function isKanjiGram(term: string): boolean {
  return term.length === GRAM_PREFIX.length + 1;
}

/** Every term of a text: words, readings and compounds (bigrams are added per field by the index). */
export function analyzeText(text: string, tokenizer: JapaneseTokenizer): string[] {
  const words = analyzeWords(text, tokenizer);
  return [...wordTerms(words), ...compoundTerms(words)];
}
