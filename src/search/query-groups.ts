// The groups of a question: one per word the resident wrote (or per synonym phrase of the curated file),
// with every term that shows it in an entry and that term's query weight (model.ts). An entry's score
// counts each group once, through its best term, so twenty synonyms of one word cannot outweigh two
// different words of the question.
import {
  compoundTerms,
  characterTerms,
  READING_PREFIX,
  KANJI_READING_PREFIX,
  COMPOUND_PREFIX,
} from "../text/analyze.js";
import { hasKana, isHiragana, termKey } from "../text/normalize.js";
import type { CompiledSynonyms } from "./synonyms.js";
import type { SudachiSynonyms } from "./sudachi-synonyms.js";
import type { Unit } from "./kana-runs.js";
import { matchSynonyms, range } from "./synonym-match.js";
import { MODEL } from "./model.js";
import { kindOf, spanKind, type WordKind } from "./word-kind.js";
import { phraseGroup } from "./phrase-groups.js";

export type { WordKind } from "./word-kind.js";

export interface QueryTerm {
  term: string;
  /** Query weight (model.ts `terms`). */
  weight: number;
  /** Only a synonym or variant of what the resident typed. */
  expanded: boolean;
  /**
   * From a general dictionary (Sudachi), not the knowledge's own synonyms file: as evidence it shows the
   * resident's word only as far as it is as specific (scorer.ts).
   */
  general?: boolean;
  /**
   * Terms with the same `alternative` (a phrase the word expands to: 留守家庭児童クラブ → +留守家庭,
   * +家庭児童, +児童くらぶ) add up, each carrying its share of the weight: the phrase is found in
   * proportion to its compounds an entry has, not by one generic piece of it.
   */
  alternative?: number;
}

export interface QueryGroup {
  /** As the question wrote it. */
  label: string;
  kind: WordKind;
  terms: QueryTerm[];
  /** Character bigrams of the word as written (the bigram channel). */
  grams: string[];
  /** A compound noun of several words: its IDF is its most specific word's (default: its rarest own term's). */
  idfTerms?: string[];
  /** A verb that stands for a thing: its IDF is at most these words' mean (the thing's). */
  thingTerms?: string[];
}

interface GroupDeps {
  synonyms: CompiledSynonyms;
  sudachi?: SudachiSynonyms;
  knownTerm: (term: string) => boolean;
}

export function buildGroups(units: readonly Unit[], deps: GroupDeps): QueryGroup[] {
  const groups: QueryGroup[] = [];
  const claimed = matchSynonyms(units, deps.synonyms, deps.knownTerm);
  const seen = new Set<string>();
  // Each group as it goes in, weighed as a guess where a slip (slip-lexicon.ts) was read in its words.
  const push = (group: QueryGroup, first: number, last: number) => groups.push(weighSlip(group, units, first, last));
  for (let i = 0; i < units.length; i++) {
    const match = claimed.get(i);
    if (match) {
      if (!seen.has(match.key))
        push(synonymGroup(units, match.first, match.last, match.key, match.text, deps), match.first, match.last);
      seen.add(match.key);
      i = match.last;
      continue;
    }
    const end = phraseEnd(units, i, claimed);
    if (end > i) {
      const phrase = phraseGroup(units, i, end);
      if (phrase && !seen.has(phrase.label)) push(withGeneralSynonyms(phrase, deps.sudachi), i, end);
      if (phrase) seen.add(phrase.label);
      i = end;
      continue;
    }
    const u = units[i]!;
    if (u.role !== "content" || seen.has(u.key)) continue;
    seen.add(u.key);
    const terms = unitTerms(units, i, deps.knownTerm);
    if (u.pos === "名詞" && deps.sudachi) terms.push(...deps.sudachi.expand(u.key));
    if (u.pos === "名詞") terms.push(...headTerms(u.key, deps.knownTerm));
    const label = u.surface;
    // A place the resident comes from (大阪から移住したい) is background, not what they ask about.
    const origin = u.place === true && units[i + 1]?.surface === "から";
    const kind = origin ? "background" : stepKind(units, i, kindOf(u.pos, u.key));
    push({ label, kind, terms: dedupe(terms), grams: characterTerms(label) }, i, i);
  }
  return groups;
}

/**
 * An aspect done on the way to another verb is a step of what the resident describes, not what they ask:
 * in 「予約して乗る乗合タクシー」 the question is the taxi, not its booking (予約 + して + 乗る), where
 * 「予約したい」 asks for the booking. So a サ変 noun in て-form before another verb counts as a verb.
 */
function stepKind(units: readonly Unit[], i: number, kind: WordKind): WordKind {
  if (kind !== "aspect" && kind !== "otherAspect") return kind;
  const [suru, te] = [units[i + 1], units[i + 2]];
  if (suru?.pos !== "動詞" || suru.key !== "する" || te?.surface !== "て") return kind;
  return units.slice(i + 3).some((u) => u.pos === "動詞" && u.role === "content") ? "verb" : kind;
}

/** A word read from a slip (slip-lexicon.ts) counts at terms.slip: the resident may have meant another one. */
function weighSlip(group: QueryGroup, units: readonly Unit[], first: number, last: number): QueryGroup {
  if (!units.slice(first, last + 1).some((u) => u.slip)) return group;
  return { ...group, terms: group.terms.map((t) => ({ ...t, weight: t.weight * MODEL.terms.slip })) };
}

/** The last unit of a compound noun starting at i (noun pieces, not claimed by a synonym), or i. */
function phraseEnd(units: readonly Unit[], i: number, claimed: ReadonlyMap<number, unknown>): number {
  let end = i;
  while (
    end + 1 < units.length &&
    !claimed.has(end + 1) &&
    isPhrasePiece(units[end + 1]!) &&
    isPhrasePiece(units[end]!)
  )
    end++;
  return end;
}

function isPhrasePiece(u: Unit): boolean {
  return u.nounish && u.role !== "drop";
}

/** A word or phrase of the curated synonyms file: its own words, and the document words it stands for, lower. */
function synonymGroup(
  units: readonly Unit[],
  first: number,
  last: number,
  key: string,
  text: string,
  deps: GroupDeps,
): QueryGroup {
  const span = range(first, last).filter((k) => units[k]!.role === "content");
  // In a phrase (学童保育) its words add up, each a share (学童 alone is half of it); its compounds count fully.
  const own: QueryTerm[] =
    span.length === 1
      ? ownTerms(units[span[0]!]!, deps.knownTerm)
      : span.map((k) => ({
          term: units[k]!.key,
          weight: MODEL.terms.word / span.length,
          expanded: false,
          alternative: -2,
        }));
  for (const term of compoundTerms(units.slice(first, last + 1)))
    own.push({ term, weight: MODEL.terms.word, expanded: false });
  const expanded = deps.synonyms.expansionsOf(key).flatMap((e, k) => meaningTerms(e.words, k, deps.sudachi));
  const origin = span.every((k) => units[k]!.place === true) && units[last + 1]?.surface === "から";
  // A verb the file lists stays a verb (もらえる → 受け取る) unless it stands for a thing (借りる → 融資, 引っ越す → 移住);
  // so does a relative (background) unless it stands for whom programs serve (祖母 → 高齢者, 両親 → 保護者).
  const ownKind = spanKind(span.map((k) => kindOf(units[k]!.pos, units[k]!.key)));
  const standsForThing = deps.synonyms.expansionsOf(key).some((e) => e.noun);
  const promoted = !origin && (ownKind === "verb" || ownKind === "background") && standsForThing;
  const kind: WordKind = origin ? "background" : promoted ? "noun" : ownKind;
  return {
    label: text,
    kind,
    terms: [...dedupe([{ term: key, weight: MODEL.terms.word, expanded: false }, ...own]), ...expanded],
    grams: characterTerms(text),
    // A verb standing for a thing (守る → 維持) is as specific as that thing, not as its own rare spelling.
    ...(promoted ? { thingTerms: thingWords(deps.synonyms.expansionsOf(key)) } : {}),
  };
}

/**
 * A compound noun kuromoji reads as several words may be one word of the general dictionary: 人工肛門 is
 * ストーマ, 宿泊料金 is 宿泊費. Its expansions join the phrase's own terms, as a single noun's do.
 */
function withGeneralSynonyms(phrase: QueryGroup, sudachi: SudachiSynonyms | undefined): QueryGroup {
  const general = sudachi?.expand(termKey(phrase.label)) ?? [];
  return general.length === 0 ? phrase : { ...phrase, terms: [...phrase.terms, ...general] };
}

/**
 * A compound kuromoji knows as one word and no entry has (子犬, 愛犬, 紙おむつ, 雨傘) is a kind of its head, the
 * word it ends with (犬, おむつ, 傘), after a kanji modifier: the longest such ending an entry has, found at
 * terms.partsApart and, as evidence, only as far as it is as specific as the word (a general term).
 */
function headTerms(key: string, knownTerm: (term: string) => boolean): QueryTerm[] {
  if (knownTerm(key)) return [];
  const chars = [...key];
  for (let cut = 1; cut < chars.length; cut++) {
    if (!KANJI_CHAR.test(chars[cut - 1]!)) return [];
    const head = chars.slice(cut).join("");
    if (knownTerm(head)) return [{ term: head, weight: MODEL.terms.partsApart, expanded: true, general: true }];
  }
  return [];
}

const KANJI_CHAR = /^[\p{Script=Han}々]$/u;

/**
 * The terms of one meaning the synonyms file gives: a word (with the general dictionary's spellings of it),
 * or a phrase whose words add up, each a share (alternative k).
 */
function meaningTerms(words: readonly string[], k: number, sudachi: SudachiSynonyms | undefined): QueryTerm[] {
  if (words.length === 1)
    return [{ term: words[0]!, weight: MODEL.terms.curated, expanded: true }, ...spellingsOf(words[0]!, sudachi)];
  return words.map((w) => ({ term: w, weight: MODEL.terms.curated / words.length, expanded: true, alternative: k }));
}

/**
 * The general dictionary's spellings and abbreviations of a word the synonyms file means (コンビニ →
 * コンビニエンスストア, 原付 → 原動機付自転車): the file names a meaning once, the documents write it either way.
 * Sudachi's strong members only (the same 語彙), at the file's weight.
 */
function spellingsOf(word: string, sudachi: SudachiSynonyms | undefined): QueryTerm[] {
  if (!sudachi) return [];
  return sudachi
    .expand(word)
    .filter((t) => t.weight === MODEL.terms.sudachiStrong)
    .map((t) => ({ ...t, weight: MODEL.terms.curated }));
}

/** The words of the expansions that name a thing. */
function thingWords(expansions: ReturnType<CompiledSynonyms["expansionsOf"]>): string[] {
  return expansions.filter((e) => e.noun).flatMap((e) => e.words);
}

/** The terms that show unit i: its own word and readings. */
function unitTerms(units: readonly Unit[], i: number, knownTerm: (term: string) => boolean): QueryTerm[] {
  return ownTerms(units[i]!, knownTerm);
}

/** Its word, readings, homophones and the words of a phrase it stands for. */
function ownTerms(u: Unit, knownTerm: (term: string) => boolean): QueryTerm[] {
  const t = (term: string, weight: number): QueryTerm => ({ term, weight, expanded: false });
  const terms: QueryTerm[] = [t(u.key, MODEL.terms.word)];
  // A word written in kana (こども) is its own reading: it meets 子ども and 子供 through theirs.
  const reading = u.reading ?? (u.pos === "名詞" && isHiragana(u.key) ? u.key : undefined);
  if (reading) {
    terms.push(t(READING_PREFIX + reading, MODEL.terms.reading), t(reading, MODEL.terms.reading));
    terms.push(t(KANJI_READING_PREFIX + reading, homophoneWeight(u, knownTerm)));
  }
  for (const a of u.alternatives ?? []) terms.push(t(a, MODEL.terms.alternative));
  // The words of a phrase read from hiragana add up (学童 and 保育 for がくどうほいく), like a phrase expansion.
  const parts = u.parts ?? [];
  for (const p of parts)
    terms.push({ ...t(p, MODEL.terms.part / parts.length), ...(parts.length > 1 ? { alternative: -1 } : {}) });
  return terms;
}

/**
 * The weight of the kanji words that read as this one: its own reading when it has kana; a kanji word the
 * corpus has meets its homophones little (起業 / 企業); one the corpus lacks is likely a conversion slip
 * for the corpus's word with that reading (器械 → 機械, 陣通 → 陣痛).
 */
function homophoneWeight(u: Unit, knownTerm: (term: string) => boolean): number {
  if (hasKana(u.surface)) return MODEL.terms.reading;
  return knownTerm(u.key) ? MODEL.terms.kanjiHomophone : MODEL.terms.unknownHomophone;
}

/** One weight per term: the highest; a term typed counts as typed even if a synonym also leads to it. */
function dedupe(terms: readonly QueryTerm[]): QueryTerm[] {
  const best = new Map<string, QueryTerm>();
  for (const t of terms) {
    if (t.alternative !== undefined) {
      best.set(`${t.alternative}\u0000${t.term}`, t);
      continue;
    }
    const seen = best.get(t.term);
    if (!seen || t.weight > seen.weight) best.set(t.term, seen && !seen.expanded ? { ...t, expanded: false } : t);
  }
  return [...best.values()];
}

export { COMPOUND_PREFIX };
