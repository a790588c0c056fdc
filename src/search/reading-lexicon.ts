// Readings of the words the knowledge uses (and of the synonyms file's everyday words), so a question typed
// in hiragana finds kanji words: kuromoji reads ふにんちりょう as ふ/に/ん/ちり/ょう, but the corpus has
// 不妊 (ふにん) and 治療 (ちりよう, folded); kana-runs.ts segments the run with these readings.
import type { AnalyzedWord } from "../text/analyze.js";
import { hasKanji, isHiragana } from "../text/normalize.js";

export interface LexiconWord {
  /** The folded reading. */
  reading: string;
  /** The words with that reading (termKeys): 期間 and 機関 share きかん. */
  keys: string[];
  /** For phrases (学童保育), the words they are made of (学童, 保育). */
  parts: string[];
  /** Only stop terms have this reading (しやくしょ → 市役所): it explains the run but is not a topic. */
  stop: boolean;
  /**
   * For a compound of the knowledge that kuromoji splits (認知+症, 相談+会, 周遊+観光+券): its words, so the
   * question gets the same words (and compounds) as if the resident had typed the kanji.
   */
  pieces?: readonly AnalyzedWord[];
}

/** Two-kana readings (つけ, たい) are mostly verbs' and auxiliaries' kana in a question, not the corpus's nouns. */
const MIN_READING = 3;
/** Keys of learnt compounds (never a term of the index: their pieces are). */
const COMPOUND_KEY = "\u0000";
/** Compounds of up to this many neighbouring noun pieces are learnt whole (周遊+観光+券; slip-lexicon.ts too). */
export const MAX_PIECES = 3;
/** Readings tried for one kanji piece (kuromoji's own first): IPADIC lists up to a dozen for some kanji. */
const MAX_READINGS = 4;

/** A single kanji's readings in the dictionary, folded (病 → やまい, びよう, へい). */
export type KanjiReadings = (kanji: string) => readonly string[];

const isOneKanji = (surface: string) => surface.length === 1 && hasKanji(surface);

/** A compound starts with a content word, or a prefix before one (不 + 登校, お + 祝い金), never a suffix. */
const startsCompound = (words: readonly AnalyzedWord[], i: number) =>
  words[i]!.role === "content" || (words[i]!.pos === "接頭詞" && words[i + 1]?.role === "content");

export class ReadingLexicon {
  private readonly byReading = new Map<string, Set<string>>();
  private readonly partsOf = new Map<string, string[]>();
  private readonly stopKeys = new Set<string>();
  private readonly piecesOf = new Map<string, readonly AnalyzedWord[]>();
  private longest = 0;

  /**
   * Nouns only: hiragana verbs and adjectives are what kuromoji reads well. `kanjiReadings` gives a single
   * kanji's other dictionary readings (folded), for the compounds it is a piece of.
   */
  addWords(words: readonly AnalyzedWord[], kanjiReadings?: KanjiReadings): void {
    for (const w of words) {
      if (w.role !== "content" || w.pos !== "名詞") continue;
      const reading = w.reading ?? (isHiragana(w.key) ? w.key : undefined);
      if (reading) this.addPhrase(w.key, reading);
    }
    this.addCompounds(words, kanjiReadings);
  }

  /**
   * Neighbouring noun pieces as one reading (認知症 = 認知 + 症: にんちしよう), so a hiragana run is read as the
   * compound rather than as 認知 + 使用. A compound starts with a content word or a prefix, not a suffix. A piece of one
   * kanji is read in each of its dictionary readings: kuromoji reads 病 of 病児 as やまい and 牛 of 伊万里牛 as
   * うし (the kanji alone), where the compound says びょう, ぎゅう.
   */
  private addCompounds(words: readonly AnalyzedWord[], kanjiReadings?: KanjiReadings): void {
    const readingsOf = (w: AnalyzedWord): string[] => {
      if (!w.nounish || w.role === "drop") return [];
      // A kanji prefix (不 of 不登校, 再 of 再交付) has no reading of its own here: its dictionary readings.
      if (w.pos === "接頭詞" && kanjiReadings && isOneKanji(w.surface))
        return kanjiReadings(w.surface).filter(isHiragana).slice(0, MAX_READINGS);
      const own = w.reading ?? (isHiragana(w.key) ? w.key : undefined);
      if (own === undefined) return [];
      if (!kanjiReadings || !isOneKanji(w.surface)) return [own];
      return [own, ...kanjiReadings(w.surface).filter((r) => r !== own && isHiragana(r))].slice(0, MAX_READINGS);
    };
    for (let i = 0; i < words.length; i++) {
      if (!startsCompound(words, i)) continue;
      let readings = readingsOf(words[i]!);
      for (let j = i + 1; j < Math.min(words.length, i + MAX_PIECES) && readings.length > 0; j++) {
        const next = readingsOf(words[j]!);
        if (next.length === 0) break;
        readings = readings.flatMap((r) => next.map((n) => r + n));
        const pieces = words.slice(i, j + 1);
        const key = COMPOUND_KEY + pieces.map((w) => w.key).join("");
        if (!this.piecesOf.has(key)) this.piecesOf.set(key, pieces);
        for (const reading of readings) this.addPhrase(key, reading);
      }
    }
  }

  /** A stop term with its reading, so a hiragana question's 市役所 or 方法 is recognized and dropped. */
  addStopWord(key: string, reading: string): void {
    this.stopKeys.add(key);
    this.addPhrase(key, reading);
  }

  /** A whole word with its reading (synonym words: 学童 がくどう, 学童保育 がくどうほいく = 学童 + 保育). */
  addPhrase(key: string, reading: string, parts: readonly string[] = []): void {
    if (reading.length < MIN_READING || !isHiragana(reading)) return;
    if (parts.length > 1) this.partsOf.set(key, [...parts]);
    let keys = this.byReading.get(reading);
    if (!keys) this.byReading.set(reading, (keys = new Set()));
    keys.add(key);
    this.longest = Math.max(this.longest, reading.length);
  }

  get size(): number {
    return this.byReading.size;
  }

  /** The known readings that start at position `from` of a folded kana text. */
  wordsAt(text: string, from: number): LexiconWord[] {
    const out: LexiconWord[] = [];
    for (let len = MIN_READING; len <= Math.min(this.longest, text.length - from); len++) {
      const reading = text.slice(from, from + len);
      const keys = this.byReading.get(reading);
      if (!keys) continue;
      // A word kuromoji knows whole wins over a compound with the same reading (期間 over 期+間).
      const whole = [...keys].filter((k) => !this.piecesOf.has(k));
      if (whole.length === 0) {
        out.push({ reading, keys: [...keys], parts: [], stop: false, pieces: this.piecesOf.get([...keys][0]!) });
        continue;
      }
      const content = whole.filter((k) => !this.stopKeys.has(k));
      const shown = content.length > 0 ? content : whole;
      out.push({
        reading,
        keys: shown,
        parts: shown.flatMap((k) => this.partsOf.get(k) ?? []),
        stop: content.length === 0,
      });
    }
    return out;
  }
}
