// Finds a question's terms in a program's own text and picks the passages to quote. A word matches a
// passage by its base form, its reading, or as written inside a longer word (受診 in 受診券); a verb or
// adjective also by the kanji it starts with (返さない → 返済); a number question by a number with its unit
// (何時 → 17時). Each program's passages are analyzed once and kept while its knowledge is current.
import type { Program } from "../../knowledge/schema.js";
import type { JapaneseTokenizer } from "../../text/tokenizer.js";
import { analyzeWords } from "../../text/analyze.js";
import { normalize, termKey } from "../../text/normalize.js";
import { canonicalSpelling } from "../../text/spelling-variants.js";
import type { AskedUnit, QuestionTerm, QuestionTerms } from "../intents/question-terms.js";
import { programPassages, type Passage } from "./passages.js";

interface ReadPassage extends Passage {
  keys: ReadonlySet<string>;
  readings: ReadonlySet<string>;
  /** The text as one termKey, for words written inside longer ones. */
  flat: string;
  /** The text normalized (NFKC), for numbers and units. */
  plain: string;
  /** A name or alias: searched for terms, never quoted. */
  label: boolean;
}

export interface ProgramMatch {
  program: Program;
  /** The passages to quote, in the entry's order. */
  quotes: Passage[];
  /** How many of the question's terms the program's text has, of how many. */
  found: number;
  total: number;
  /** The number questions asked (何時, 何人), as written. */
  asked: string[];
  /** Nouns of the question the program's text never mentions. */
  missing: QuestionTerm[];
  /** The question's words make up most of the program's name or an alias, and no number is asked: it names the program. */
  named: boolean;
}

export const MAX_QUOTES = 3;

export class PassageReader {
  private readonly cache = new WeakMap<Program, ReadPassage[]>();

  constructor(private readonly tokenizer: JapaneseTokenizer) {}

  match(p: Program, terms: QuestionTerms): ProgramMatch {
    const passages = this.read(p);
    const all: Term[] = [...terms.words.map((w) => ({ word: w })), ...terms.asked.map((a) => ({ unit: a }))];
    const hits = passages.map((x) => all.flatMap((t, i) => (termIn(t, x) ? [i] : [])));
    const foundAt = new Set(hits.flat());
    const missing = terms.words.filter((w, i) => w.noun && !foundAt.has(i));
    const named = terms.asked.length === 0 && terms.words.length > 0 && names(passages, terms.words);
    const asked = terms.asked.map((a) => a.asks);
    return {
      program: p,
      quotes: pickQuotes(passages, hits),
      found: foundAt.size,
      total: all.length,
      asked,
      missing,
      named,
    };
  }

  /** True when the program's text (names included) has every one of the terms; false when there are none. */
  hasAll(p: Program, terms: QuestionTerms): boolean {
    const m = this.match(p, terms);
    return m.total > 0 && m.found === m.total;
  }

  /**
   * The same, but a word also counts when its characters all occur in one passage (病児 in 病後児保育): for
   * deciding that a program does NOT have the words, where a near miss must count as having them.
   */
  mayHaveAll(p: Program, words: readonly QuestionTerm[]): boolean {
    const passages = this.read(p);
    return words.length > 0 && words.every((w) => passages.some((x) => wordIn(w, x) || charsIn(w, x)));
  }

  /** The terms the program's name and aliases do not already answer (「不妊治療の助成って何年間」 → 何年). */
  beyondName(p: Program, terms: QuestionTerms): QuestionTerms {
    const labels = this.read(p).filter((x) => x.label);
    return { words: terms.words.filter((w) => !labels.some((x) => wordIn(w, x))), asked: terms.asked };
  }

  private read(p: Program): ReadPassage[] {
    let read = this.cache.get(p);
    if (!read) {
      const labels = [p.name, ...(p.aliases ?? [])].map((text): Passage => ({ text, kind: "fact" }));
      read = [...labels.map((x) => this.analyze(x, true)), ...programPassages(p).map((x) => this.analyze(x, false))];
      this.cache.set(p, read);
    }
    return read;
  }

  private analyze(passage: Passage, label: boolean): ReadPassage {
    const words = analyzeWords(passage.text, this.tokenizer);
    return {
      ...passage,
      label,
      keys: new Set(words.map((w) => w.key)),
      readings: new Set(words.flatMap((w) => (w.reading ? [w.reading] : []))),
      flat: termKey(canonicalSpelling(normalize(passage.text))),
      plain: normalize(passage.text),
    };
  }
}

/** Written together, the words are at least this share of a name (乗合タクシー of 予約乗合タクシー運行). */
export const NAMING_SHARE = 0.5;

function names(passages: ReadPassage[], words: QuestionTerm[]): boolean {
  const joined = words.map((w) => w.key).join("");
  return passages.some((x) => {
    if (!x.label) return false;
    const name = x.flat.replace(/事業費?$/u, "");
    return name.includes(joined) && [...joined].length >= NAMING_SHARE * [...name].length;
  });
}

type Term = { word: QuestionTerm } | { unit: AskedUnit };

function termIn(t: Term, x: ReadPassage): boolean {
  return "word" in t ? wordIn(t.word, x) : unitIn(t.unit, x);
}

function wordIn(w: QuestionTerm, x: ReadPassage): boolean {
  if (x.keys.has(w.key)) return true;
  // a one-character word's reading is shared by too many others (健 and 券 are both けん)
  if (w.reading !== undefined && [...w.key].length >= 2 && x.readings.has(w.reading)) return true;
  if (w.noun) return [...w.key].length >= 2 && x.flat.includes(w.key);
  return w.stem !== undefined && x.flat.includes(w.stem);
}

function charsIn(w: QuestionTerm, x: ReadPassage): boolean {
  return [...w.key].every((c) => x.flat.includes(c));
}

const NUMBER = "[0-9〇一二三四五六七八九十百千万.,]";

function unitIn(u: AskedUnit, x: ReadPassage): boolean {
  return u.units.some((unit) => new RegExp(`${NUMBER}\\s*${escapeRegExp(normalize(unit))}`, "u").test(x.plain));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}

/**
 * Greedy: the passage that adds the most terms not yet quoted, until every term found is quoted or
 * MAX_QUOTES are chosen. On a tie a sentence beats a recorded fact, then the shorter passage wins (the
 * fare's own sentence rather than the paragraph around it). Passages that hold the same terms as a chosen
 * one are quoted too (「路線は？」: each line of the list), and a passage inside a chosen one is left out.
 */
function pickQuotes(passages: ReadPassage[], hits: number[][]): Passage[] {
  const covered = new Set<number>();
  const chosen: number[] = [];
  while (chosen.length < MAX_QUOTES) {
    let best = -1;
    let bestGain = 0;
    passages.forEach((x, i) => {
      if (x.label || chosen.includes(i)) return;
      const gain = hits[i]!.filter((h) => !covered.has(h)).length;
      if (gain > bestGain || (gain === bestGain && gain > 0 && better(x, passages[best]!)))
        [best, bestGain] = [i, gain];
    });
    if (best < 0) break;
    chosen.push(best);
    for (const h of hits[best]!) covered.add(h);
  }
  const same = (i: number, j: number) => hits[i]!.length > 0 && hits[i]!.join() === hits[j]!.join();
  passages.forEach((x, i) => {
    if (
      !x.label &&
      x.kind === "sentence" &&
      chosen.length < MAX_QUOTES &&
      !chosen.includes(i) &&
      chosen.some((j) => same(i, j))
    )
      chosen.push(i);
  });
  const inside = (i: number) =>
    chosen.some(
      (j) => j !== i && passages[j]!.flat !== passages[i]!.flat && passages[j]!.flat.includes(passages[i]!.flat),
    );
  return chosen
    .filter((i) => !inside(i))
    .sort((a, b) => a - b)
    .map((i) => ({ text: passages[i]!.text, kind: passages[i]!.kind }));
}

function better(a: ReadPassage, b: ReadPassage): boolean {
  if (a.kind !== b.kind) return a.kind === "sentence";
  return a.text.length < b.text.length;
}
