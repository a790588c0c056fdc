// Questions typed in hiragana: kuromoji segments long hiragana stretches badly (ふにんちりょう → ふ/に/ん/
// ちり/ょう; がくどう → が/くどう, an adjective). Each stretch of hiragana tokens is segmented again, choosing
// among kuromoji's own tokens and the words whose readings the knowledge knows, the path that explains the
// stretch best. Longer pieces are worth more than their length (gain = length^1.5), so one known word
// がくどう beats が + くどう; on a tie kuromoji's reading stays, so ありますか or ない stay grammar.
import type { AnalyzedWord } from "../text/analyze.js";
import { isHiragana, termKey } from "../text/normalize.js";
import type { ReadingLexicon, LexiconWord } from "./reading-lexicon.js";

/** A word of the question after the rewrite: a kuromoji token, or a word found by its reading. */
export interface Unit extends AnalyzedWord {
  /** Other words with the same reading (期間 / 機関 for きかん). */
  alternatives?: string[];
  /** The words of a phrase found by its reading (がくどうほいく → 学童保育 → 学童, 保育). */
  parts?: string[];
  /** Read as the knowledge's word it is one kanji away from (slip-lexicon.ts): a guess, weighed as one. */
  slip?: true;
  /** Part of the municipality the question names (いいづか): not a word to read again as the corpus's 飯塚. */
  municipality?: true;
}

interface Step {
  gain: number;
  from: number;
  unit?: Unit;
  /** A learnt compound read as its pieces (にんちしよう → 認知 + 症). */
  pieces?: Unit[];
}

/** Re-reads a stretch of text (kuromoji): what a learnt word leaves of one unknown token may be grammar. */
export type Reanalyze = (text: string) => AnalyzedWord[];

export function rewriteKanaRuns(words: readonly Unit[], lexicon: ReadingLexicon, reanalyze?: Reanalyze): Unit[] {
  const units: Unit[] = [];
  let i = 0;
  while (i < words.length) {
    let j = i;
    while (j < words.length && isHiragana(words[j]!.surface) && !words[j]!.municipality) j++;
    if (j === i) {
      units.push(words[i]!);
      i++;
    } else {
      units.push(...segmentRun(words.slice(i, j), lexicon, reanalyze));
      i = j;
    }
  }
  return units;
}

const gainOf = (length: number) => length ** 1.5;

function segmentRun(run: readonly AnalyzedWord[], lexicon: ReadingLexicon, reanalyze?: Reanalyze): Unit[] {
  const pieces = foldedPieces(run);
  const text = pieces.join("");
  const typed = typedText(run, pieces);
  const tokenAt = new Map<number, { end: number; word: AnalyzedWord }>();
  let at = 0;
  run.forEach((w, k) => {
    if (pieces[k] === "") return;
    tokenAt.set(at, { end: at + pieces[k]!.length, word: w });
    at += pieces[k]!.length;
  });
  const best: Step[] = [{ gain: 0, from: -1 }];
  for (let i = 1; i <= text.length; i++) best[i] = { gain: -1, from: -1 };
  const offer = (to: number, gain: number, from: number, unit?: Unit, pieces?: Unit[]) => {
    if (gain > best[to]!.gain) best[to] = { gain, from, unit, pieces };
  };
  for (let i = 0; i < text.length; i++) {
    const g = best[i]!.gain;
    const token = tokenAt.get(i);
    if (token) offer(token.end, g + (token.word.known ? gainOf(token.end - i) : 0), i, token.word);
    offer(i + 1, g, i);
    for (const w of lexicon.wordsAt(text, i)) {
      if (isGrammarSpan(tokenAt, i, i + w.reading.length)) continue;
      const pieces = w.pieces?.map((p) => ({ ...p, known: true }));
      const end = i + w.reading.length;
      // Where kuromoji read the same span as one hiragana noun (けっこん), the corpus's word (結婚) wins the tie:
      // it carries the spelling the entries use.
      const bonus = isNounToken(tokenAt, i, end) ? NOUN_TIE_BREAK : 0;
      offer(end, g + gainOf(w.reading.length) + bonus, i, pieces?.[0] ?? lexiconUnit(w), pieces);
    }
  }
  return pathUnits(best, typed, reanalyze);
}

/** No Japanese word starts with a small kana, ん or ー: a token that does was cut inside a syllable (に|ん|か). */
const NO_WORD_STARTS = /^[ぁぃぅぇぉゃゅょゎっんァィゥェォャュョヮッンー]/u;

/**
 * Each token's folded key, as the run folds as one text: a long vowel after a kana is dropped (readings are
 * folded so: ウォーキング → うおきんぐ) also where kuromoji cut it off as a token of its own (う|ぉ|ー|きん…),
 * which then has no characters and is no token of the run.
 */
function foldedPieces(run: readonly AnalyzedWord[]): string[] {
  const pieces: string[] = [];
  let last = "";
  for (const w of run) {
    const key = termKey(w.surface);
    const piece = last !== "" && last !== "ー" ? key.replace(/^ー+/u, "") : key;
    pieces.push(piece);
    if (piece !== "") last = piece.at(-1)!;
  }
  return pieces;
}

/**
 * The run as typed, character for character with the folded text where folding kept the length: what is
 * left unexplained is read again as typed, not folded (ひっこす is a verb, ひつこす is ひつ + こす).
 */
function typedText(run: readonly AnalyzedWord[], pieces: readonly string[]): string {
  return run.map((w, k) => (w.surface.length === pieces[k]!.length ? w.surface : pieces[k]!)).join("");
}

/** Less than any difference in length gain: it only decides between equal readings. */
const NOUN_TIE_BREAK = 1e-6;

/** Whether kuromoji read [from, to) as one content noun. */
function isNounToken(tokenAt: ReadonlyMap<number, { end: number; word: AnalyzedWord }>, from: number, to: number) {
  const token = tokenAt.get(from);
  return token !== undefined && token.end === to && token.word.role === "content" && token.word.pos === "名詞";
}

/**
 * Whether kuromoji read [from, to) exactly as known grammar (したい = し + たい): a corpus word with that
 * reading (死体) is then far less likely than the verb and auxiliary every question ends with. Grammar
 * holds a particle or an auxiliary; kuromoji's guesses inside a word it could not read are not grammar:
 * an interjection (のう|ぎょ|う for のうぎょう, そう|ぎょ|う), two bare verbs (し|えん for しえん) or a token
 * no word can start (に|ん|か for にんか).
 */
function isGrammarSpan(tokenAt: ReadonlyMap<number, { end: number; word: AnalyzedWord }>, from: number, to: number) {
  let at = from;
  let functional = false;
  while (at < to) {
    const token = tokenAt.get(at);
    if (!token || !token.word.known || token.word.role !== "drop" || token.word.pos === "感動詞") return false;
    if (NO_WORD_STARTS.test(token.word.surface)) return false;
    functional ||= token.word.pos === "助詞" || token.word.pos === "助動詞";
    at = token.end;
  }
  return at === to && functional;
}

/**
 * The chosen path; stretches it leaves unexplained (two characters or more) are read again when kuromoji
 * knows every word of them (じようかそう|をつけたいんだけど: kuromoji had read じ + one unknown token), else
 * stay as unknown words. `text` is the run as typed (typedText), as long as the folded text the steps index.
 */
function pathUnits(best: readonly Step[], text: string, reanalyze?: Reanalyze): Unit[] {
  const units: Unit[] = [];
  let gapEnd = -1;
  const closeGap = (start: number) => {
    if (gapEnd - start >= 2) units.unshift(...gapUnits(text.slice(start, gapEnd), reanalyze));
    else if (gapEnd - start === 1) units.unshift(...grammarUnits(text.slice(start, gapEnd), reanalyze));
    gapEnd = -1;
  };
  for (let to = text.length; to > 0; to = best[to]!.from) {
    const step = best[to]!;
    if (step.unit && step.unit.known) {
      closeGap(to);
      units.unshift(...(step.pieces ?? [step.unit]));
    } else if (gapEnd < 0) {
      gapEnd = to;
    }
    if (step.from === 0) closeGap(0);
  }
  return units;
}

function gapUnits(text: string, reanalyze?: Reanalyze): Unit[] {
  const again = reanalyze?.(text);
  return again && again.length > 0 && again.every((w) => w.known) ? again : [unknownUnit(text)];
}

/**
 * One character between two words the run was read as, when kuromoji knows it as grammar (の of
 * ちゅうこじゅうたく|の|こうにゅう, cut from inside one unknown token): it still parts the words, as typed in
 * kanji (中古住宅の購入 is two words, not one compound).
 */
function grammarUnits(text: string, reanalyze?: Reanalyze): Unit[] {
  const again = reanalyze?.(text);
  return again?.length === 1 && again[0]!.known && again[0]!.role === "drop" ? again : [];
}

function unknownUnit(text: string): Unit {
  return { surface: text, key: text, role: "content", pos: "名詞", posDetail: "一般", nounish: true, known: false };
}

function lexiconUnit(w: LexiconWord): Unit {
  return {
    surface: w.reading,
    key: w.keys[0]!,
    reading: w.reading,
    role: w.stop ? "drop" : "content",
    pos: "名詞",
    posDetail: "一般",
    nounish: true,
    known: true,
    alternatives: w.keys.slice(1),
    parts: w.parts,
  };
}
