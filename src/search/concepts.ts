// The concepts of a question: what it is about, each with the terms that show it in an entry.
// - a synonym word (学童保育, もらえる, 店を始める) with the document words it stands for;
// - a compound noun of several words (健康保険証, 予約乗合タクシー, 医療費) as one phrase;
// - any other content word (預ける, 梨).
import { compoundOf, charNgrams, READING_PREFIX, KANJI_READING_PREFIX, COMPOUND_PREFIX } from "../text/analyze.js";
import { hasKana, isHiragana } from "../text/normalize.js";
import { isAspectTerm, isQuestionWord } from "../text/stop-terms.js";
import type { CompiledSynonyms } from "./synonyms.js";
import type { Unit } from "./kana-runs.js";
import type { Concept, ConceptTerm } from "./query-plan.js";
import { matchSynonyms, range } from "./synonym-match.js";
import { ASPECT_WEIGHTS, KNOWN_VERB_WEIGHTS, PLACE_BACKGROUND_WEIGHT, PLACE_MISSING_WEIGHT, QUESTION_WEIGHTS, conceptWeight } from "./ranking.js";

/**
 * The concepts of the question's words. `namesMunicipality`: the question names a municipality (伊万里に
 * 引っ越す), so another place it names (福岡から) is where the resident comes from, not what they ask about.
 */
export function buildConcepts(units: readonly Unit[], synonyms: CompiledSynonyms, namesMunicipality = false, knownTerm?: (term: string) => boolean): Concept[] {
  const concepts: Concept[] = [];
  const push = (c: Concept, first: number, last: number) => concepts.push(placeWeighted(c, units, first, last, namesMunicipality));
  const claimed = matchSynonyms(units, synonyms, knownTerm);
  const seen = new Set<string>();
  let i = 0;
  while (i < units.length) {
    const match = claimed.get(i);
    if (match) {
      push(synonymConcept(units, match.first, match.last, match.key, match.text, synonyms), match.first, match.last);
      i = match.last + 1;
      continue;
    }
    let end = i;
    while (end < units.length && !claimed.has(end) && isPhrasePiece(units[end]!)) end++;
    const content = range(i, end - 1).filter((k) => units[k]!.role === "content");
    if (end - i >= 2 && content.length >= 1) {
      push(phraseConcept(units, i, end - 1), i, end - 1);
      i = end;
      continue;
    }
    const u = units[i]!;
    if (u.role === "content" && !seen.has(u.key)) {
      seen.add(u.key);
      push({ label: u.surface, ...conceptWeight(u.pos, u.key), terms: dedupe(unitTerms(units, i)), expansions: [], grams: charNgrams(u.surface) }, i, i);
    }
    i++;
  }
  return concepts;
}

const PLACE_SUFFIXES = new Set(["都", "道", "府", "県", "市", "町", "村", "区", "郡", "州", "国"]);

/** A concept that names a place (東京, 東京都の…): missing, it weighs by whether the place is the topic. */
function placeWeighted(c: Concept, units: readonly Unit[], first: number, last: number, namesMunicipality: boolean): Concept {
  // 東京, 東京都, 福岡県 name a place; 中国語 or 伊万里牛 name a thing of that place.
  const pieces = range(first, last).map((k) => units[k]!).filter((u) => u.role !== "drop");
  const isPlace = pieces.some((u) => u.place) && pieces.every((u) => u.place || (u.posDetail === "接尾" && PLACE_SUFFIXES.has(u.key)));
  if (!isPlace) return c;
  const origin = units[last + 1]?.surface === "から";
  return { ...c, missingWeight: origin || namesMunicipality ? PLACE_BACKGROUND_WEIGHT : PLACE_MISSING_WEIGHT };
}

/** A noun or noun piece (prefix, suffix, number) that is not dropped: part of a compound noun. */
function isPhrasePiece(u: Unit): boolean {
  return u.nounish && u.role !== "drop";
}

function synonymConcept(units: readonly Unit[], first: number, last: number, key: string, text: string, synonyms: CompiledSynonyms): Concept {
  const span = range(first, last).filter((k) => units[k]!.role === "content");
  // In a phrase (学童保育) each word alone shows the phrase only in part; the phrase's compounds fully.
  const part = span.length > 1 ? 0.5 : 1;
  const own = span.flatMap((k) => unitTerms(units, k)).map((t) => (t.term.startsWith(COMPOUND_PREFIX) ? t : { ...t, found: t.found * part }));
  const single = span.length === 1 && first === last ? units[span[0]!]! : undefined;
  // Question words only (いくら, どこで) ask for an aspect; a lone verb the file knows (引っ越す) names a topic.
  const aspectOnly = span.every((k) => isAspectTerm(units[k]!.key));
  const questionOnly = span.every((k) => isQuestionWord(units[k]!.key));
  const weights = questionOnly ? QUESTION_WEIGHTS : aspectOnly ? ASPECT_WEIGHTS : single && single.pos !== "名詞" ? KNOWN_VERB_WEIGHTS : conceptWeight("名詞", key);
  return { label: text, ...weights, terms: dedupe([{ term: key, found: 1 }, ...own]), expansions: [...synonyms.expansionsOf(key)], grams: charNgrams(text) };
}

function phraseConcept(units: readonly Unit[], first: number, last: number): Concept {
  const content = range(first, last).filter((k) => units[k]!.role === "content");
  const compounds: string[] = [];
  for (let k = first; k < last; k++) {
    const c = compoundOf(units[k]!, units[k + 1]!);
    if (c) compounds.push(c);
  }
  const parts = range(first, last).flatMap((k) => {
    const u = units[k]!;
    if (u.role === "content") return [ownTerms(u)];
    const joined = k > first ? compoundOf(units[k - 1]!, u) : undefined; // 証 of 保険証 counts as +保険証
    return joined && u.posDetail === "接尾" ? [[{ term: joined, found: 1 }]] : [];
  });
  const label = units.slice(first, last + 1).map((u) => u.surface).join("");
  // Aspect words joined (開館時間, 受付時間) weigh as an aspect, more when missing the more words they have.
  const aspect = content.every((k) => isAspectTerm(units[k]!.key));
  const asked = content.filter((k) => !isQuestionWord(units[k]!.key)).length;
  const weights = aspect ? { ...ASPECT_WEIGHTS, missingWeight: ASPECT_WEIGHTS.missingWeight * Math.min(2, asked) } : conceptWeight("名詞", "");
  return { label, ...weights, terms: [], expansions: [], grams: charNgrams(label), phrase: { parts, compounds } };
}

/** The terms that show unit i: its own, and the compounds it makes with its neighbours. */
function unitTerms(units: readonly Unit[], i: number): ConceptTerm[] {
  const terms = ownTerms(units[i]!);
  for (const c of [i > 0 ? compoundOf(units[i - 1]!, units[i]!) : undefined, i + 1 < units.length ? compoundOf(units[i]!, units[i + 1]!) : undefined]) {
    if (c) terms.push({ term: c, found: 1 });
  }
  return terms;
}

/** Its word, readings, homophones and the words of a phrase it stands for. */
function ownTerms(u: Unit): ConceptTerm[] {
  const terms: ConceptTerm[] = [{ term: u.key, found: 1 }];
  // A word written in kana (こども) is its own reading: it meets 子ども and 子供 through theirs.
  const reading = u.reading ?? (u.pos === "名詞" && isHiragana(u.key) ? u.key : undefined);
  if (reading) {
    terms.push({ term: READING_PREFIX + reading, found: 0.9 }, { term: reading, found: 0.9 });
    terms.push({ term: KANJI_READING_PREFIX + reading, found: hasKana(u.surface) ? 0.9 : 0.3 });
  }
  for (const a of u.alternatives ?? []) terms.push({ term: a, found: 0.9 });
  for (const p of u.parts ?? []) terms.push({ term: p, found: 0.6 });
  return terms;
}

function dedupe(terms: readonly ConceptTerm[]): ConceptTerm[] {
  const best = new Map<string, number>();
  for (const t of terms) best.set(t.term, Math.max(t.found, best.get(t.term) ?? 0));
  return [...best].map(([term, found]) => ({ term, found }));
}
