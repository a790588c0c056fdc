// Where the synonyms file's words occur in a question. A word matches a stretch of whole words of the
// question, by their written forms (学童保育, がくどう after the reading rewrite) or by their base forms, so
// conjugated verbs match too (お店を始めたい has 店を始める; もらえますか has もらえる). Leftmost-longest;
// a question word is claimed by at most one synonym word.
import { termKey } from "../text/normalize.js";
import type { CompiledSynonyms } from "./synonyms.js";
import type { Unit } from "./kana-runs.js";
import { joinedKey, mayBeTypo } from "./synonym-typos.js";

export interface SynonymMatch {
  /** The synonym word (termKey). */
  key: string;
  /** The question's words it covers, as written. */
  text: string;
  first: number;
  last: number;
}

export function matchSynonyms(
  units: readonly Unit[],
  synonyms: CompiledSynonyms,
  knownTerm?: (term: string) => boolean,
): Map<number, SynonymMatch> {
  const claimed = new Map<number, SynonymMatch>();
  const bySurface = new Joined(units.map(surfaceKey));
  const byBase = new Joined(units.map((u) => u.key));
  const found: { key: string; first: number; last: number }[] = [];
  const spans = SPANS;
  const candidates = candidatePatterns(synonyms.patterns, bySurface.chars, byBase.chars);
  for (let c = 0; c < candidates; c++) {
    const { text, key } = synonyms.patterns[CANDIDATES[c]!]!;
    if (text === key)
      for (let n = bySurface.find(text, spans), k = 0; k < n; k += 2)
        found.push({ key, first: spans[k]!, last: spans[k + 1]! });
    for (let n = byBase.find(text, spans), k = 0; k < n; k += 2)
      found.push({ key, first: spans[k]!, last: spans[k + 1]! });
  }
  // Longest (in words) first, then leftmost: お店を始めたい is 店を始める, not お店 + 始める.
  found.sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
  for (const { key, first, last } of found) {
    if (anyClaimed(claimed, first, last)) continue;
    claim(units, claimed, key, first, last);
  }
  if (knownTerm) matchTypos(units, synonyms, knownTerm, claimed);
  return claimed;
}

/**
 * A unit's written form as a synonym word would match it. A verb's or an adjective's stem before a small っ
 * (うっ of うってる, かっ of かった) is no word as written, and folded it reads as one (うっ → うつ, depression):
 * it matches by its base form only.
 */
function surfaceKey(u: Unit): string {
  const last = u.surface.at(-1);
  return u.pos !== "名詞" && (last === "っ" || last === "ッ") ? "\u0000" : termKey(u.surface);
}

/** Found spans, [first, last] pairs, reused by every question (matchSynonyms runs to the end before the next). */
const SPANS: number[] = [];

type Pattern = CompiledSynonyms["patterns"][number];

/** Positions of the patterns by their first character (built once per synonyms file), and a mark per pattern. */
const byFirstChar = new WeakMap<readonly Pattern[], { index: Map<string, number[]>; marked: Uint8Array }>();

/**
 * The positions of the patterns that can occur in a question with these characters, in the patterns' own
 * order (which decides between equally long matches): only those starting with one of its characters, not
 * all of them. Marked per pattern and read back in order (no set, no sort, no array per question); the
 * positions are written into CANDIDATES, valid until the next question.
 */
function candidatePatterns(patterns: readonly Pattern[], ...chars: ReadonlySet<string>[]): number {
  let known = byFirstChar.get(patterns);
  if (!known) {
    const index = new Map<string, number[]>();
    for (let i = 0; i < patterns.length; i++) {
      const first = patterns[i]!.text[0] ?? "";
      const list = index.get(first);
      if (list) list.push(i);
      else index.set(first, [i]);
    }
    known = { index, marked: new Uint8Array(patterns.length) };
    byFirstChar.set(patterns, known);
  }
  const { index, marked } = known;
  let lowest = patterns.length;
  let highest = -1;
  for (const set of chars)
    for (const c of set) {
      const list = index.get(c);
      if (list === undefined) continue;
      for (const i of list) marked[i] = 1;
      lowest = Math.min(lowest, list[0]!);
      highest = Math.max(highest, list[list.length - 1]!);
    }
  let n = 0;
  for (let i = lowest; i <= highest; i++) {
    if (marked[i] === 0) continue;
    marked[i] = 0;
    CANDIDATES[n++] = i;
  }
  return n;
}

const CANDIDATES: number[] = [];

/** Stretches no synonym word claimed, matched one character off (学道保育 → 学童保育), longest first. */
function matchTypos(
  units: readonly Unit[],
  synonyms: CompiledSynonyms,
  knownTerm: (term: string) => boolean,
  claimed: Map<number, SynonymMatch>,
): void {
  for (let first = 0; first < units.length; first++) {
    for (let last = Math.min(units.length - 1, first + MAX_TYPO_UNITS - 1); last >= first; last--) {
      if (anyClaimed(claimed, first, last) || !mayBeTypo(units, first, last, knownTerm)) continue;
      const key = synonyms.typos.find(joinedKey(units, first, last));
      if (!key) continue;
      claim(units, claimed, key, first, last);
      first = last;
      break;
    }
  }
}

/** A misspelt word is seldom read as more than a few pieces. */
const MAX_TYPO_UNITS = 4;

/** Strings of consecutive units joined, to find a word spanning whole units. */
class Joined {
  private readonly text: string;
  /** The characters the text has: most synonym words start with one it lacks. */
  readonly chars: Set<string>;
  /** By character offset: 1 + the unit starting there, and 1 + the last non-empty unit ending there (0: none). */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  constructor(pieces: readonly string[]) {
    this.text = pieces.join("");
    this.starts = new Int32Array(this.text.length + 1);
    this.ends = new Int32Array(this.text.length + 1);
    let at = 0;
    for (let i = 0; i < pieces.length; i++) {
      const length = pieces[i]!.length;
      this.starts[at] = i + 1;
      at += length;
      if (length > 0) this.ends[at] = i + 1;
    }
    this.chars = new Set(this.text);
  }

  /**
   * [first unit, last unit] of every occurrence that starts and ends at unit boundaries, as pairs written
   * into `out` from its start; returns how many numbers were written.
   */
  find(word: string, out: number[]): number {
    if (!this.chars.has(word[0]!)) return 0;
    let n = 0;
    for (let from = this.text.indexOf(word); from >= 0; from = this.text.indexOf(word, from + 1)) {
      const first = this.starts[from]! - 1;
      const last = this.ends[from + word.length]! - 1;
      if (first >= 0 && last >= 0 && last >= first) {
        out[n++] = first;
        out[n++] = last;
      }
    }
    return n;
  }
}

/** Whether a synonym word already claimed one of units first..last. */
function anyClaimed(claimed: ReadonlyMap<number, SynonymMatch>, first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (claimed.has(i)) return true;
  return false;
}

/** Units first..last are the synonym word `key`. */
function claim(units: readonly Unit[], claimed: Map<number, SynonymMatch>, key: string, first: number, last: number) {
  const match = { key, text: spanText(units, first, last), first, last };
  for (let i = first; i <= last; i++) claimed.set(i, match);
}

/** The words first..last as the question wrote them. */
export function spanText(units: readonly { surface: string }[], first: number, last: number): string {
  return units
    .slice(first, last + 1)
    .map((u) => u.surface)
    .join("");
}

export function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, k) => first + k);
}
