// What a question becomes before it is searched: a list of concepts (the topic words the resident wrote),
// each with the terms that count as finding it, and a boost for every term.
//   「がくどうに入れたい」 → hiragana run がくどう read as 学童 (reading lexicon) → synonym 学童 →
//   concept 学童 {terms: 学童, =がくどう …; expansions: 留守家庭児童クラブ, 放課後児童クラブ …}, concept 入れる.
// A municipality named in the question is taken out of the concepts and becomes the search's scope.
import type { JapaneseTokenizer } from "../text/tokenizer.js";
import { analyzeWords, compoundTerms, COMPOUND_PREFIX, type AnalyzedWord } from "../text/analyze.js";
import { isHiragana, termKey } from "../text/normalize.js";
import type { CompiledSynonyms, Expansion } from "./synonyms.js";
import type { ReadingLexicon } from "./reading-lexicon.js";
import type { Mention, MunicipalityMatcher } from "./municipality-mention.js";
import { rewriteKanaRuns } from "./kana-runs.js";
import { buildConcepts } from "./concepts.js";
import { TERM_BOOSTS } from "./ranking.js";

/** A term that shows the concept, and how surely (1: its own word; 0.9: its reading; 0.3: a kanji homophone). */
export interface ConceptTerm {
  term: string;
  found: number;
}

export interface Concept {
  /** As the question wrote it (or the synonym word it matched). */
  label: string;
  /** How much finding it matters for deciding whether anything fits (nouns count more than verbs). */
  weight: number;
  /** How much not finding it matters (more than finding it, for aspect words: 開館時間 missing is telling). */
  missingWeight: number;
  /** An aspect (予約, 開館時間): what the resident wants to know about the topic, weighed relative to it. */
  aspect?: boolean;
  /** Its own words, readings and the compounds it makes with its neighbours. */
  terms: ConceptTerm[];
  expansions: Expansion[];
  grams: string[];
  /**
   * A compound noun of several words (健康保険証, 予約乗合タクシー): found in proportion to its neighbouring-word
   * compounds an entry has (健康保険 but not 保険証: half), or less when it only has the words apart.
   */
  phrase?: Phrase;
}

export interface Phrase {
  /** The terms of each word of the compound (a suffix as its compound with the word before: +保険証). */
  parts: ConceptTerm[][];
  compounds: string[];
}

export interface QueryPlan {
  query: string;
  /** A municipality the question names. */
  municipality?: string;
  concepts: Concept[];
  /** Compounds of neighbouring words: extra score for phrase matches, not needed to count as found. */
  bonus: string[];
  /** Every distinct term with its boost. */
  boosts: Map<string, number>;
}

export interface QueryPlanner {
  plan(query: string): QueryPlan;
}

export interface PlannerDeps {
  tokenizer: JapaneseTokenizer;
  synonyms: CompiledSynonyms;
  lexicon: ReadingLexicon;
  municipalities: MunicipalityMatcher;
  /** Whether some entry has the term (+伊万里梨: the city's name is part of a product's name there). */
  knownTerm: (term: string) => boolean;
}

export function createQueryPlanner(deps: PlannerDeps): QueryPlanner {
  return {
    plan(query: string): QueryPlan {
      const words = analyzeWords(query, deps.tokenizer);
      const mention = deps.municipalities.find(words.map((w) => w.surface).join(""), (m) => isWholeMention(words, m, deps.knownTerm));
      const kept = mention ? dropSpan(words, mention.start, mention.end) : words;
      const units = rewriteKanaRuns(kept, deps.lexicon, (text) => analyzeWords(text, deps.tokenizer));
      const concepts = buildConcepts(units, deps.synonyms, mention !== undefined, deps.knownTerm);
      const bonus = compoundTerms(units);
      return { query, municipality: mention?.municipality, concepts, bonus, boosts: termBoosts(concepts, bonus) };
    },
  };
}

/**
 * A municipality's name counts as a mention only as whole words (いまりんバス is a bus, not 伊万里), and not as
 * the first part of a longer name: before a noun, a hiragana name is part of that word (いいづかブランド),
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
    if (!next || !next.nounish) return true;
    if (isHiragana(words.slice(0, k + 1).map((x) => x.surface).join("").slice(m.start))) return false;
    return !knownTerm(COMPOUND_PREFIX + termKey(w.surface) + next.key);
  }
  return false;
}

/** Words inside [start, end) of the joined surfaces are turned into dropped words. */
function dropSpan(words: readonly AnalyzedWord[], start: number, end: number): AnalyzedWord[] {
  let at = 0;
  return words.map((w) => {
    const from = at;
    at += w.surface.length;
    return from < end && at > start ? { ...w, role: "drop" as const } : w;
  });
}

function termBoosts(concepts: readonly Concept[], bonus: readonly string[]): Map<string, number> {
  const boosts = new Map<string, number>();
  const put = (term: string, boost: number) => boosts.set(term, Math.max(boost, boosts.get(term) ?? 0));
  for (const c of concepts) {
    for (const t of c.terms) put(t.term, t.found === 1 ? TERM_BOOSTS.word : t.found * TERM_BOOSTS.reading);
    for (const e of c.expansions) for (const t of e.terms) put(t, /^[~=]/u.test(t) ? TERM_BOOSTS.synonymReading : TERM_BOOSTS.synonym);
    for (const g of c.grams) put(g, TERM_BOOSTS.gram);
    for (const t of c.phrase?.parts.flat() ?? []) put(t.term, t.found === 1 ? TERM_BOOSTS.word : t.found * TERM_BOOSTS.reading);
    for (const t of c.phrase?.compounds ?? []) put(t, TERM_BOOSTS.compound);
  }
  for (const b of bonus) put(b, TERM_BOOSTS.compound);
  return boosts;
}
