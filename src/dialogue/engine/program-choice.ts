// Whether a search result points at one program or at several. One when it is the only hit, when exactly
// one hit's name or alias is written in the question, when the best hit is the only one near the top whose
// text has every word of the question (「不妊治療の助成って何年間もらえる？」), or when the best score
// clearly leads the next.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { Program } from "../../knowledge/schema.js";
import { termKey } from "../../text/normalize.js";
import type { SearchHitLike } from "./engine-deps.js";

/** How far the best score must lead the second for the best to be taken alone. */
export const DECISIVE_LEAD = 1.6;
/** How close to the best a hit must score to stay on the list. */
export const LIST_SHARE = 0.35;
/**
 * When a question spans municipalities, another municipality's best hit this close to the best makes the
 * question ambiguous (each city scores in its own index, so a lead across cities means less than one within
 * a city): 「コミュニティバス」 has one in each city.
 */
export const CROSS_MUNICIPALITY_SHARE = 0.5;

export interface Choice {
  single?: Program;
  several: Program[];
}

/** How many of the hits nearest the top are weighed when one is chosen by its words. */
export const NEAR_TOP = 5;

/** Whether a program's own text has every word of the question: surely (as written) or maybe (a near miss counts). */
export interface WordsCheck {
  hasAll(p: Program): boolean;
  mayHaveAll(p: Program): boolean;
  /** `p` may answer the question as well as `first` does (it has its words, or a word `first` lacks). */
  rivals(p: Program, first: Program): boolean;
}

/** Without `words` (passage-match.ts) only names and scores decide. */
export function choosePrograms(kb: KnowledgeBase, hits: readonly SearchHitLike[], query: string, words?: WordsCheck): Choice {
  const programs = hits.filter((h) => h.type === "program").flatMap((h) => {
    const p = kb.program(h.id);
    return p ? [{ p, score: h.score }] : [];
  });
  const [first, second] = programs;
  if (!first) return { several: [] };
  if (!second) return { single: first.p, several: [first.p] };
  const named = mostNamed(programs.map((x) => x.p), query);
  if (named) return { single: named, several: [named] };
  const near = programs.filter((x) => x.score >= LIST_SHARE * first.score).slice(0, NEAR_TOP);
  if (words?.hasAll(first.p) && !near.slice(1).some((x) => words.rivals(x.p, first.p))) return { single: first.p, several: [first.p] };
  const rival = programs.find((x) => x.p.municipality !== first.p.municipality);
  const rivalCity = rival !== undefined && rival.score >= CROSS_MUNICIPALITY_SHARE * first.score;
  if (!rivalCity && first.score >= DECISIVE_LEAD * second.score) return { single: first.p, several: [first.p] };
  return { several: programs.filter((x) => x.score >= LIST_SHARE * first.score).map((x) => x.p) };
}

/**
 * The program whose name or alias (without a trailing 事業) the question writes, the longest such name
 * when several are written inside one another (子育てファミリーサポートセンター contains
 * ファミリーサポートセンター); undefined when none, or when two different names tie.
 */
export function mostNamed(programs: Program[], query: string): Program | undefined {
  const q = termKey(query);
  const lengths = programs.map((p) => Math.max(0, ...[p.name, ...(p.aliases ?? [])].map((n) => {
    const key = termKey(n.replace(/事業費?$/u, ""));
    return key.length >= 3 && q.includes(key) ? key.length : 0;
  })));
  const best = Math.max(0, ...lengths);
  const at = lengths.flatMap((l, i) => (l === best && best > 0 ? [i] : []));
  return at.length === 1 ? programs[at[0]!] : undefined;
}
