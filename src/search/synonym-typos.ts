// Typos of the synonyms file's words (学道保育 for 学童保育): a stretch of the question's noun pieces that no
// synonym word matches exactly and that is not a word of the knowledge is matched one character off (the
// same length, one character replaced) against the file's words of three characters or more.
import { termKey } from "../text/normalize.js";
import { compoundOf } from "../text/analyze.js";
import type { Unit } from "./kana-runs.js";

/** Shorter words one character off are too often another word (保育所 / 保育料). */
const MIN_LENGTH = 3;
const WILDCARD = "\u0000";

export class SynonymTypos {
  private readonly byPattern = new Map<string, string | null>();

  constructor(keys: readonly string[]) {
    for (const key of keys) {
      const chars = [...key];
      if (chars.length < MIN_LENGTH) continue;
      for (const variant of variants(chars)) {
        const seen = this.byPattern.get(variant);
        // Two words one character apart from the same text: ambiguous, no guess.
        this.byPattern.set(variant, seen === undefined || seen === key ? key : null);
      }
    }
  }

  /** The synonym word the text is a typo of, if exactly one. */
  find(text: string): string | undefined {
    const chars = [...text];
    if (chars.length < MIN_LENGTH) return undefined;
    let found: string | undefined;
    for (const variant of variants(chars)) {
      const key = this.byPattern.get(variant);
      if (key === null || (key !== undefined && found !== undefined && found !== key)) return undefined;
      if (key !== undefined) found = key;
    }
    return found;
  }
}

function* variants(chars: readonly string[]): Generator<string> {
  for (let i = 0; i < chars.length; i++) yield [...chars.slice(0, i), WILDCARD, ...chars.slice(i + 1)].join("");
}

/**
 * Whether the question's words [first, last] may be a misspelling: noun pieces that are not dropped, and not
 * something the knowledge or kuromoji knows as written (a single word kuromoji knows is a word, not a typo;
 * pieces whose compounds the knowledge has are its words).
 */
export function mayBeTypo(
  units: readonly Unit[],
  first: number,
  last: number,
  knownTerm: (term: string) => boolean,
): boolean {
  for (let k = first; k <= last; k++) if (!units[k]!.nounish || units[k]!.role === "drop") return false;
  if (first === last) return !units[first]!.known && !knownTerm(units[first]!.key);
  for (let k = first; k < last; k++) {
    const c = compoundOf(units[k]!, units[k + 1]!);
    if (c && !knownTerm(c)) return true;
  }
  return false;
}

export function joinedKey(units: readonly Unit[], first: number, last: number): string {
  return units
    .slice(first, last + 1)
    .map((u) => termKey(u.surface))
    .join("");
}
