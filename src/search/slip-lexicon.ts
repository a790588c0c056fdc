// Conversion slips: a resident types by reading and the input method picks the wrong kanji for one
// character (浄化相 for 浄化槽, 認知賞 for 認知症, 不任治療 for 不妊治療, 病後時保育 for 病後児保育). The typed
// word is then in no entry, and its character bigrams are half gone. The lexicon keeps every noun and
// compound of neighbouring noun pieces the knowledge uses (2 to 8 characters), under each of its kanji
// blanked; a run of the question that the knowledge does not have, and that is one kanji away from exactly
// one word it has, is read as that word (query-plan.ts), at the weight of a guess (MODEL.terms.slip).
// The typed kanji must sound like the one it replaces, as far as the dictionary's readings show (賞 しょう
// for 症 しょう; 県 けん is not 市 し, so 県民税 never becomes 市民税; 小 is not 中, so 小学校 stays); a kanji
// the dictionary has no reading for (曹 of 浄化曹) is no evidence, and is left as typed.
import { isKanjiSuffix, isNumber, type AnalyzedWord } from "../text/analyze.js";
import { foldKana, hasKanji } from "../text/normalize.js";
import { MAX_PIECES, type KanjiReadings } from "./reading-lexicon.js";
import type { Unit } from "./kana-runs.js";
import { spanText } from "./synonym-match.js";

/** Two kanji are the shortest slip (変納 for 返納): the typed kanji's reading decides among 生活, 就活, 婚活. */
const MIN_CHARS = 2;
const MAX_CHARS = 8;
/** Words kept under one blanked spelling: more than this many are never one guess anyway. */
const MAX_SHARING = 4;
const BLANK = "\u0000";

/** A number and its counter (一台, 3人) are what the resident counted, not a word to respell. */
const isPiece = (w: AnalyzedWord) => w.nounish && w.role !== "drop" && !isNumber(w);

export class SlipLexicon {
  /** A learnt text with one kanji blanked → the learnt texts with that spelling around it. */
  private readonly byBlank = new Map<string, string[]>();
  /** The learnt texts (their pieces are read again when one is a slip's word: it is rare, and this stays small). */
  private readonly texts = new Set<string>();

  /** The nouns of an entry's text and the compounds their neighbouring noun pieces make. */
  addWords(words: readonly AnalyzedWord[]): void {
    for (let i = 0; i < words.length; i++) {
      if (words[i]!.role !== "content" || !isPiece(words[i]!)) continue;
      for (let j = i; j < Math.min(words.length, i + MAX_PIECES) && isPiece(words[j]!); j++)
        this.learn(words.slice(i, j + 1));
    }
  }

  private learn(pieces: readonly AnalyzedWord[]): void {
    const text = pieces.map((w) => w.surface).join("");
    if (text.length < MIN_CHARS || text.length > MAX_CHARS || this.texts.has(text)) return;
    this.texts.add(text);
    for (const key of blanks(text)) {
      const sharing = this.byBlank.get(key);
      if (!sharing) this.byBlank.set(key, [text]);
      else if (sharing.length < MAX_SHARING) sharing.push(text);
    }
  }

  /** Whether the knowledge has this text as a word or compound. */
  has(text: string): boolean {
    return this.texts.has(text);
  }

  /**
   * The pieces of the one learnt word `text` is a slip for, if there is exactly one (none when the knowledge
   * has `text`).
   */
  slipFor(text: string, deps: SlipDeps): readonly AnalyzedWord[] | undefined {
    if (text.length < MIN_CHARS || text.length > MAX_CHARS || this.texts.has(text)) return undefined;
    const found = new Map<string, readonly AnalyzedWord[]>();
    [...text].forEach((typed, at) => {
      if (!hasKanji(typed)) return;
      for (const word of this.byBlank.get(blankAt(text, at)) ?? []) {
        const pieces = deps.reanalyze(word);
        if (soundsAlike(typed, pieces, at, deps.kanjiReadings)) found.set(word, pieces);
      }
    });
    return found.size === 1 ? [...found.values()][0] : undefined;
  }
}

/** The text with each of its kanji blanked in turn; only texts with another kanji (a slip of 2 kanji is a new word). */
function blanks(text: string): string[] {
  const chars = [...text];
  if (chars.filter((c) => hasKanji(c)).length < 2) return [];
  return chars.flatMap((c, at) => (hasKanji(c) ? [blankAt(text, at)] : []));
}

function blankAt(text: string, at: number): string {
  const chars = [...text];
  chars[at] = BLANK;
  return chars.join("");
}

/**
 * Whether the typed kanji sounds like the word's character at `at`: one of its dictionary readings is the
 * reading of the word's piece there (a piece of one kanji: 賞 しよう = 症), or the start, end or middle of
 * that reading, as the character's place in the piece says (知 ち begins 治療 ちりよう; 器 き does not end 機関
 * きかん; 料 りよう is not 各 かく). A kanji the dictionary has no reading for is no evidence either way: no slip.
 */
function soundsAlike(
  typed: string,
  pieces: readonly AnalyzedWord[],
  at: number,
  kanjiReadings: KanjiReadings,
): boolean {
  let start = 0;
  for (const w of pieces) {
    const length = [...w.surface].length;
    if (at < start + length) return readsAt(kanjiReadings(typed), w.reading ?? foldKana(w.surface), at - start, length);
    start += length;
  }
  return false;
}

function readsAt(readings: readonly string[], reading: string, offset: number, length: number): boolean {
  if (hasKanji(reading)) return false;
  if (length === 1) return readings.includes(reading);
  return readings.some((r) =>
    offset === 0
      ? reading.startsWith(r) && r.length < reading.length
      : offset === length - 1
        ? reading.endsWith(r) && r.length < reading.length
        : reading.slice(1, -1).includes(r),
  );
}

/**
 * The question's units with each run of noun pieces the knowledge lacks, and that is a slip for one of
 * its words, replaced by that word's pieces (marked `slip`); the longest such run from each start.
 */
export function readSlips(units: readonly Unit[], slips: SlipLexicon, deps: SlipDeps): Unit[] {
  const out: Unit[] = [];
  for (let i = 0; i < units.length; i++) {
    const fix = isPiece(units[i]!) ? slipFrom(units, i, slips, deps) : undefined;
    if (!fix) {
      out.push(units[i]!);
      continue;
    }
    out.push(...fix.pieces.map((p): Unit => ({ ...p, known: true, slip: true })));
    i = fix.last;
  }
  return out;
}

export interface SlipDeps {
  kanjiReadings: KanjiReadings;
  /** A text's words (kuromoji): the pieces of the knowledge's word a slip is read as. */
  reanalyze: (text: string) => AnalyzedWord[];
}

function slipFrom(
  units: readonly Unit[],
  first: number,
  slips: SlipLexicon,
  deps: SlipDeps,
): { pieces: readonly AnalyzedWord[]; last: number } | undefined {
  // 開庁時間: 庁時間 is one kanji from 長時間, but 庁 is a suffix, the end of 開庁: a slip starts at a word's start.
  if (isKanjiSuffix(units[first]!)) return undefined;
  let end = first;
  while (end + 1 < units.length && isPiece(units[end + 1]!)) end++;
  for (let last = end; last >= first; last--) {
    // One word the dictionary knows, typed whole, is the word meant (保健 is no slip for 保険); a slip
    // shows as pieces kuromoji had to cut the typed word into, or as one word it does not know.
    if (last === first && units[first]!.known) return undefined;
    const text = spanText(units, first, last);
    if (text.length < MIN_CHARS || slips.has(text)) return undefined;
    const pieces = slips.slipFor(text, deps);
    if (pieces) return { pieces, last };
  }
  return undefined;
}
