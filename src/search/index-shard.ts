// One municipality's entries in their own minisearch index. A deployment scoped to one city searches only
// that city's shard, so its cost does not grow with the country (minisearch filters after scoring). Within
// a shard, terms that most entries contain are not scored at all (they cannot tell entries apart and would
// make every query touch every entry), and a concept's character bigrams are searched only when its own
// words are not in the shard (the n-gram fallback), which keeps candidate lists short.
import MiniSearch, { type SearchResult } from "minisearch";
import { FIELDS, FIELD_BOOSTS } from "./fields.js";
import type { EntryRef, IndexDocument } from "./entry-document.js";
import type { Concept, QueryPlan } from "./query-plan.js";
import { coverage, idf, matchConcept, specificity, type ConceptMatch } from "./ranking.js";

export interface ShardHit {
  ref: EntryRef;
  score: number;
  coverage: number;
  /** The weight of the concepts it contains (a question of only 場所 or いつ has little to go on). */
  evidence: number;
}

/** A term in more than this share of a shard's entries is not scored (when the shard has enough entries to tell). */
const COMMON_SHARE = 0.4;
const COMMON_MIN_ENTRIES = 20;
/** Candidates (best BM25 first) that are ranked by concepts; the rest cannot reach the top. */
const RERANKED = 200;
/** Terms that are not scored count as found in the description of every entry. */
const COMMON_FIELDS = ["summary"];
/** A compound found one character off (嘉穂劇場 for the document's 嘉徳劇場). */
const FUZZY_FIELDS = ["fuzzy"];
/** Compounds at least this long (characters) that no entry has are also searched one character off. */
const FUZZY_MIN_LENGTH = 4;
/** Each neighbouring-word compound of the question found in the entry (a phrase match). */
const BONUS_WEIGHT = 0.5;
/** BM25 relative to the best candidate's: breaks ties between entries that contain the same concepts. */
const BM25_WEIGHT = 0.5;

const splitTerms = (text: string): string[] => text.split(" ");
const keepTerm = (term: string): string => term;

/** minisearch, plus how many entries contain a term (from its own inverted index). */
class TermIndex extends MiniSearch<IndexDocument> {
  documentFrequency(term: string): number {
    const byField = this._index.get(term);
    let most = 0;
    if (byField) for (const docs of byField.values()) most = Math.max(most, docs.size);
    return most;
  }
}

export class IndexShard {
  private readonly index: TermIndex;
  private readonly refs = new Map<string, EntryRef>();

  constructor(documents: readonly IndexDocument[]) {
    this.index = new TermIndex({
      idField: "key",
      fields: [...FIELDS],
      extractField: (doc, field) => (field === "key" ? doc.key : (doc.fields[field as keyof IndexDocument["fields"]] ?? []).join(" ")),
      tokenize: splitTerms,
      processTerm: keepTerm,
    });
    this.index.addAll(documents);
    for (const d of documents) this.refs.set(d.key, d.ref);
  }

  /** Whether some entry of the shard has the term. */
  has(term: string): boolean {
    return this.index.documentFrequency(term) > 0;
  }

  get size(): number {
    return this.refs.size;
  }

  /**
   * The entries of the shard that fit the question. `within` (a municipality) is applied while scoring:
   * minisearch skips an entry whose document boost is 0 before it builds a result for it, so the other
   * municipalities of the prefecture cost a lookup, not a result object each.
   */
  search(plan: QueryPlan, accept: (ref: EntryRef) => boolean, within?: string): ShardHit[] {
    const df = (term: string) => this.index.documentFrequency(term);
    const common = this.size >= COMMON_MIN_ENTRIES ? COMMON_SHARE * this.size : Infinity;
    const counts = new Map([...plan.boosts.keys()].map((t) => [t, df(t)]));
    const commonTerms = new Set([...counts].filter(([, n]) => n > common).map(([t]) => t));
    const frequency = plan.concepts.map((c) => conceptFrequency(c, df));
    const fuzzy = fuzzyCompounds(plan, df);
    // Only terms some entry has (and is not too common to score) are searched, and the compounds tried one
    // character off: each term costs minisearch a lookup in every field.
    const terms = termsToSearch(plan, frequency).filter((t) => fuzzy.has(t) || (counts.get(t)! > 0 && !commonTerms.has(t)));
    if (terms.length === 0) return [];
    const results = this.index.search(terms.join(" "), {
      fields: [...FIELDS],
      boost: FIELD_BOOSTS,
      boostTerm: (term) => plan.boosts.get(term) ?? 1,
      tokenize: splitTerms,
      processTerm: keepTerm,
      fuzzy: (term) => (fuzzy.has(term) ? 1 : false),
      ...(within === undefined ? {} : { boostDocument: (id: string) => (this.refs.get(id)!.municipality === within ? 1 : 0) }),
      filter: (r) => accept(this.refs.get(r.id as string)!),
    });
    if (results.length === 0) return [];
    const weights = plan.concepts.map((c, i) => c.weight * idf(frequency[i]!, this.size));
    const specific = frequency.map((df) => specificity(df, this.size));
    const topBm25 = results[0]!.score;
    return results.slice(0, RERANKED).map((r) => {
      const fieldsOf = (t: string) =>
        (r.match[t] as string[] | undefined) ?? (commonTerms.has(t) ? COMMON_FIELDS : fuzzy.has(t) && r.queryTerms.includes(t) ? FUZZY_FIELDS : undefined);
      const matches = plan.concepts.map((c) => matchConcept(c, fieldsOf));
      const score = conceptScore(matches, weights) + BONUS_WEIGHT * bonusFound(plan, r) + BM25_WEIGHT * (r.score / topBm25);
      const evidence = matches.reduce((sum, m, i) => sum + plan.concepts[i]!.weight * m.found, 0);
      return { ref: this.refs.get(r.id as string)!, score, coverage: coverage(plan.concepts, matches, specific), evidence };
    });
  }

}

/** The question's compounds no entry has, long enough that one character off is still the same name. */
function fuzzyCompounds(plan: QueryPlan, df: (term: string) => number): Set<string> {
  const compounds = plan.concepts.flatMap((c) => c.phrase?.compounds ?? []);
  return new Set(compounds.filter((t) => t.length - 1 >= FUZZY_MIN_LENGTH && df(t) === 0));
}

/** Every term of the plan, except the bigrams of concepts whose own words the shard has. */
function termsToSearch(plan: QueryPlan, frequency: readonly number[]): string[] {
  const needed = new Set(plan.concepts.flatMap((c, i) => (frequency[i] === 0 ? c.grams : [])));
  const skipped = new Set(plan.concepts.flatMap((c) => c.grams).filter((g) => !needed.has(g)));
  return [...plan.boosts.keys()].filter((t) => !skipped.has(t));
}

/**
 * How many entries contain the concept's own word (or reading): its specificity in this shard. For a
 * compound noun, its compounds; when no entry has them, its rarest word (0 when a word is unknown here).
 */
function conceptFrequency(c: Concept, df: (term: string) => number): number {
  let most = 0;
  for (const t of c.terms) if (t.found >= 0.9) most = Math.max(most, df(t.term));
  if (!c.phrase) return most;
  for (const t of c.phrase.compounds) most = Math.max(most, df(t));
  if (most > 0) return most;
  const perPart = c.phrase.parts.map((terms) => Math.max(0, ...terms.filter((t) => t.found >= 0.9).map((t) => df(t.term))));
  return perPart.length === 0 ? 0 : Math.min(...perPart);
}

function bonusFound(plan: QueryPlan, r: SearchResult): number {
  let n = 0;
  for (const b of plan.bonus) if (r.match[b]) n++;
  return n;
}

function conceptScore(matches: readonly ConceptMatch[], weights: readonly number[]): number {
  return matches.reduce((sum, m, i) => sum + weights[i]! * m.strength, 0);
}
