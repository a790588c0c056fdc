// The groups a run of noun pieces makes: a compound noun of several words, or a number with its counter.
import { compoundTerms, characterTerms, isKanjiSuffix, isNumber } from "../text/analyze.js";
import type { Unit } from "./kana-runs.js";
import type { QueryGroup, QueryTerm } from "./query-groups.js";
import { range, spanText } from "./synonym-match.js";
import { kindOf, spanKind } from "./word-kind.js";
import { MODEL } from "./model.js";

/**
 * A compound noun of several words (国民健康保険, 固定資産税): found in proportion to its neighbouring-word
 * compounds an entry has (+国民健康, +健康保険, +保険料), or, at terms.partsApart, its words found apart (住民 of 住民票) — so an
 * entry with 健康 and 保険 somewhere in its summary does not answer 国民健康保険.
 */
export function phraseGroup(units: readonly Unit[], first: number, last: number): QueryGroup | undefined {
  const content = range(first, last).filter((k) => units[k]!.role === "content");
  if (content.length === 0) return countGroup(units, first, last);
  // Found apart, a kanji suffix counts as a part too: 児童 alone is half of 児童館 (entries index 館, analyze.ts).
  const apart = range(first, last).filter((k) => content.includes(k) || isKanjiSuffix(units[k]!));
  const compounds = compoundTerms(units.slice(first, last + 1));
  const label = spanText(units, first, last);
  const terms: QueryTerm[] = [
    ...compoundShares(compounds),
    ...apart.map((k) => ({
      term: units[k]!.key,
      weight: MODEL.terms.partsApart / apart.length,
      expanded: false,
      alternative: -4,
    })),
  ];
  const kind = spanKind(content.map((k) => kindOf(units[k]!.pos, units[k]!.key)));
  return { label, kind, terms, grams: characterTerms(label), idfTerms: content.map((k) => units[k]!.key) };
}

/**
 * A number with its counter or prefix and nothing else (第3子, 65歳, 小2): found by its compounds; a detail
 * of the resident's situation (background), which helps when an entry has it and costs little when not.
 */
function countGroup(units: readonly Unit[], first: number, last: number): QueryGroup | undefined {
  if (!range(first, last).some((k) => isNumber(units[k]!))) return undefined;
  const compounds = compoundTerms(units.slice(first, last + 1));
  if (compounds.length === 0) return undefined;
  const label = spanText(units, first, last);
  return {
    label,
    kind: "background",
    terms: compoundShares(compounds),
    grams: characterTerms(label),
    idfTerms: compounds,
  };
}

/** The compounds of a phrase, adding up to one word: an entry is found in proportion to those it has. */
function compoundShares(compounds: readonly string[]): QueryTerm[] {
  return compounds.map((term) => ({
    term,
    weight: MODEL.terms.word / compounds.length,
    expanded: false,
    alternative: -3,
  }));
}
