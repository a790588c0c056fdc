// What a question becomes before it is scored: one group per word of the question (the topic words the
// resident wrote), each with the terms that count as finding it and their query weights, and the
// question's bigrams for the bigram channel.
//   「がくどうに入れたい」 → hiragana run がくどう read as 学童 (reading lexicon) → curated synonym 学童 →
//   group 学童 {学童 1, ~がくどう 0.9 …, 留守家庭児童クラブ's compounds 0.7 (expanded)}, group 入れる (verb).
// A municipality named in the question is taken out and becomes the search's scope.
import { compoundTerms, COMPOUND_PREFIX, type AnalyzedWord } from "../text/analyze.js";
import { isHiragana, termKey } from "../text/normalize.js";
import type { Analysis } from "../text/analysis.js";
import type { CompiledSynonyms } from "./synonyms.js";
import type { KanjiReadings, ReadingLexicon } from "./reading-lexicon.js";
import { readSlips, type SlipLexicon } from "./slip-lexicon.js";
import type { Mention, MunicipalityMatcher } from "./municipality-mention.js";
import type { SudachiSynonyms } from "./sudachi-synonyms.js";
import { rewriteKanaRuns, type Unit } from "./kana-runs.js";
import { buildGroups, type QueryGroup } from "./query-groups.js";

export interface QueryPlan {
  query: string;
  /** A municipality the question names. */
  municipality?: string;
  groups: QueryGroup[];
  /** Compounds of neighbouring words of the question: a phrase match adds to the words' own score. */
  compounds: string[];
}

export interface QueryPlanner {
  plan(analysis: Analysis): QueryPlan;
}

export interface PlannerDeps {
  synonyms: CompiledSynonyms;
  sudachi?: SudachiSynonyms;
  lexicon: ReadingLexicon;
  slips: SlipLexicon;
  /** A single kanji's dictionary readings (folded): a slip's typed kanji must sound like the word's. */
  kanjiReadings: KanjiReadings;
  municipalities: MunicipalityMatcher;
  /** Whether some entry has the term (+伊万里梨: the city's name is part of a product's name there). */
  knownTerm: (term: string) => boolean;
  /** Re-reads a stretch of text (what a hiragana run leaves unexplained). */
  reanalyze: (text: string) => AnalyzedWord[];
}

export function createQueryPlanner(deps: PlannerDeps): QueryPlanner {
  return {
    plan(analysis: Analysis): QueryPlan {
      const words = analysis.words;
      const text = words.map((w) => w.surface).join("");
      const mention = deps.municipalities.find(
        text,
        (m) => isWholeMention(words, m, deps.knownTerm) && !startsKanaName(text, m, deps.lexicon),
      );
      const kept = mention ? dropSpan(words, mention.start, mention.end) : words;
      const units = readSlips(rewriteKanaRuns(kept, deps.lexicon, deps.reanalyze), deps.slips, deps);
      const groups = buildGroups(units, deps);
      const own = new Set(groups.flatMap((g) => g.terms.map((t) => t.term)));
      const compounds = compoundTerms(units).filter((c) => !own.has(c));
      return { query: analysis.text, municipality: mention?.municipality, groups, compounds };
    },
  };
}

/**
 * A municipality's name counts as a mention only as whole words (いまりんバス is a bus, not 伊万里), and not as
 * the first part of a longer name: before a noun, a hiragana name is part of that word (いいづかブランド; の,
 * which kuromoji calls a noun in いいづかしの…, is grammar),
 * a kanji one when the knowledge has the compound (伊万里梨, 伊万里牛) — 「飯塚移住補助」 still names 飯塚.
 */
function isWholeMention(words: readonly AnalyzedWord[], m: Mention, knownTerm: (term: string) => boolean): boolean {
  let at = 0;
  let startsWord = false;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (at === m.start) startsWord = true;
    at += w.surface.length;
    if (at < m.end) continue;
    if (at > m.end || !startsWord) return false;
    const next = words[k + 1];
    if (!next || !next.nounish || next.role === "drop") return true;
    if (
      isHiragana(
        words
          .slice(0, k + 1)
          .map((x) => x.surface)
          .join("")
          .slice(m.start),
      )
    )
      return false;
    return !knownTerm(COMPOUND_PREFIX + termKey(w.surface) + next.key);
  }
  return false;
}

/**
 * Whether a name typed in hiragana starts a longer word of the knowledge (いいづかえき is 飯塚駅, いまりやき
 * 伊万里焼): the run is read as that word, as its kanji would be (the compound check of isWholeMention).
 */
function startsKanaName(text: string, m: Mention, lexicon: ReadingLexicon): boolean {
  const name = termKey(text.slice(m.start, m.end));
  if (!isHiragana(name)) return false;
  return lexicon.wordsAt(termKey(text.slice(m.start)), 0).some((w) => w.reading.length > name.length);
}

/** Words inside [start, end) of the joined surfaces are turned into dropped words of the mention. */
function dropSpan(words: readonly AnalyzedWord[], start: number, end: number): Unit[] {
  let at = 0;
  return words.map((w) => {
    const from = at;
    at += w.surface.length;
    return from < end && at > start ? { ...w, role: "drop" as const, municipality: true as const } : w;
  });
}
