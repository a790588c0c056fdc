// What a question asks about, as terms to look for in a program's own text: its topic words (the content
// words outside the intents' cues and the fillers, as topic-words.ts finds them) and the units a number
// question asks for (「何時まで」 → a number of 時, intents/lexicon/asked-units.yaml).
import type { AnalyzedWord } from "../../text/analyze.js";
import type { Analysis } from "../../text/analysis.js";
import { hasKanji, termKey } from "../../text/normalize.js";
import { canonicalSpelling } from "../../text/spelling-variants.js";
import type { AskedUnits } from "./intent-schema.js";
import type { CueHit } from "./cue-matcher.js";
import { matchKey } from "./match-key.js";
import { topicTokens, type TopicWords } from "./topic-words.js";

export interface QuestionTerm {
  /** As the person wrote it (quoted back: 「ペット」についての記載はありません). */
  surface: string;
  /** termKey of the base form. */
  key: string;
  reading?: string;
  /** A noun (名詞): a thing the answer should name. Verbs and adjectives are matched more loosely. */
  noun: boolean;
  /** The kanji a verb or adjective starts with (返す → 返): found in 返済, 乗合 … */
  stem?: string;
}

export interface AskedUnit {
  /** The question word as found (何時). */
  asks: string;
  units: string[];
}

export interface QuestionTerms {
  words: QuestionTerm[];
  asked: AskedUnit[];
}

export function questionTerms(
  message: Analysis,
  cues: readonly CueHit[],
  fillers: TopicWords,
  askedUnits: AskedUnits,
): QuestionTerms {
  const seen = new Set<string>();
  const written = termKey(canonicalSpelling(message.normalized));
  const asked = askedIn(message, askedUnits);
  // a word that is itself the question (日程, 時間) is asked as a number, not looked for as a word
  const asking = asked.map((a) => matchKey(a.asks));
  const words = joinFragments(topicTokens(message, cues, fillers, true), written).filter((w) => {
    if (seen.has(w.key) || asking.some((a) => a.includes(matchKey(w.surface)))) return false;
    seen.add(w.key);
    return true;
  });
  return { words, asked };
}

/**
 * One-kanji pieces join the word they are written next to: a suffix (障害+者, 受診+券, 病+児), and the pieces
 * of a word the dictionary does not know (健診 → 健 + 診る), whose readings and stems would match unrelated
 * words (健 reads like 券). A suffix with nothing to join is dropped.
 */
function joinFragments(words: AnalyzedWord[], written: string): QuestionTerm[] {
  const out: { term: QuestionTerm; suffix: boolean }[] = [];
  for (const w of words) {
    const t = toTerm(w);
    const last = out.at(-1);
    const joined = last ? last.term.surface + t.surface : "";
    const suffix = w.role === "attach";
    // a suffix joins the word before it; a one-kanji word joins the piece after it; a lone suffix joins nothing
    const joins =
      last && !last.suffix && (suffix || isFragment(last.term) || isFragment(t)) && written.includes(termKey(joined));
    if (joins) out[out.length - 1] = { term: { surface: joined, key: termKey(joined), noun: true }, suffix: false };
    else out.push({ term: t, suffix });
  }
  return out.filter((x) => !x.suffix).map((x) => x.term);
}

function isFragment(t: QuestionTerm): boolean {
  return /^[\u3400-\u9FFF々]$/u.test(t.surface);
}

export function termCount(terms: QuestionTerms): number {
  return terms.words.length + terms.asked.length;
}

function toTerm(w: AnalyzedWord): QuestionTerm {
  const noun = w.pos === "名詞";
  const stem = noun ? undefined : /^[\u3400-\u9FFF々]+/u.exec(w.key)?.[0];
  return {
    surface: w.surface,
    key: w.key,
    noun,
    ...(w.reading ? { reading: w.reading } : {}),
    ...(stem && hasKanji(stem) ? { stem } : {}),
  };
}

/** The number questions the message asks, one per group of units (「何年間」 and 「何年」 are one). */
function askedIn(message: Analysis, askedUnits: AskedUnits): AskedUnit[] {
  const key = message.folded;
  return askedUnits.flatMap((group) => {
    const asks = group.asks.find((a) => key.includes(matchKey(a)));
    return asks ? [{ asks, units: group.units }] : [];
  });
}
