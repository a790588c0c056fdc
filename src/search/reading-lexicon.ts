// Readings of the words the knowledge uses (and of the synonyms file's everyday words), so a question typed
// in hiragana finds kanji words: kuromoji reads ふにんちりょう as ふ/に/ん/ちり/ょう, but the corpus has
// 不妊 (ふにん) and 治療 (ちりよう, folded); kana-runs.ts segments the run with these readings.
import type { AnalyzedWord } from "../text/analyze.js";
import { isHiragana } from "../text/normalize.js";

export interface LexiconWord {
  /** The folded reading. */
  reading: string;
  /** The words with that reading (termKeys): 期間 and 機関 share きかん. */
  keys: string[];
  /** For phrases (学童保育), the words they are made of (学童, 保育). */
  parts: string[];
  /** Only stop terms have this reading (しやくしょ → 市役所): it explains the run but is not a topic. */
  stop: boolean;
}

const MIN_READING = 2;

export class ReadingLexicon {
  private readonly byReading = new Map<string, Set<string>>();
  private readonly partsOf = new Map<string, string[]>();
  private readonly stopKeys = new Set<string>();
  private longest = 0;

  /** Nouns only: hiragana verbs and adjectives are what kuromoji reads well. */
  addWords(words: readonly AnalyzedWord[]): void {
    for (const w of words) {
      if (w.role !== "content" || w.pos !== "名詞") continue;
      const reading = w.reading ?? (isHiragana(w.key) ? w.key : undefined);
      if (reading) this.addPhrase(w.key, reading);
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
      const content = [...keys].filter((k) => !this.stopKeys.has(k));
      const shown = content.length > 0 ? content : [...keys];
      out.push({ reading, keys: shown, parts: shown.flatMap((k) => this.partsOf.get(k) ?? []), stop: content.length === 0 });
    }
    return out;
  }
}
