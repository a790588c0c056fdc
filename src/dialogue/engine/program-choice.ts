// Whether a search result points at one program or at several. One when it is the only hit, when exactly
// one hit's name or alias is written in the question, when the best hit is the only one near the top whose
// text has every word of the question (「不妊治療の助成って何年間もらえる？」), or when the best hit's
// confidence clearly leads the next one's (search/model.ts decisiveGap; listShare decides who stays listed)
// or it shows a word of the question the next one lacks.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { Program } from "../../knowledge/schema.js";
import type { Analysis } from "../../text/analysis.js";
import { termKey } from "../../text/normalize.js";
import { MODEL } from "../../search/model.js";
import { strengthOf, type SearchHitLike } from "./engine-deps.js";

/** Whether a hit of this confidence stays listed beside the best one. */
export function staysListed(confidence: number, best: number): boolean {
  return confidence >= MODEL.listShare * best;
}

/** Whether the best hit's confidence leads another's enough to be taken alone. */
export function leads(best: number, other: number): boolean {
  return best - other >= MODEL.decisiveGap - 1e-9;
}

/**
 * Whether the best hit shows a word of the question that the other lacks, and the other none that the
 * best lacks (「梨農家の支援」: 伊万里梨… has 梨, 伊万里牛… does not). Two hits that both contain every word
 * (伊万里牛のこと: two 伊万里牛 programs) are a list whatever their confidences.
 */
export function showsMore(best: SearchHitLike, other: SearchHitLike): boolean {
  if (!best.matched || !other.matched) return false;
  const mine = new Set(best.matched.map((m) => m.term));
  const theirs = new Set(other.matched.map((m) => m.term));
  return [...theirs].every((t) => mine.has(t)) && [...mine].some((t) => !theirs.has(t));
}

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
export function choosePrograms(
  kb: KnowledgeBase,
  hits: readonly SearchHitLike[],
  query: Analysis,
  words?: WordsCheck,
): Choice {
  const programs = hits
    .filter((h) => h.type === "program")
    .flatMap((h, rank) => {
      const p = kb.program(h.id);
      return p ? [{ p, score: strengthOf(h, rank), hit: h }] : [];
    });
  const [first, second] = programs;
  if (!first) return { several: [] };
  if (!second) return { single: first.p, several: [first.p] };
  const named = mostNamed(
    programs.map((x) => x.p),
    query,
  );
  if (named) return { single: named, several: [named] };
  const near = programs.filter((x) => staysListed(x.score, first.score)).slice(0, NEAR_TOP);
  if (words?.hasAll(first.p) && !near.slice(1).some((x) => words.rivals(x.p, first.p)))
    return { single: first.p, several: [first.p] };
  const rival = programs.find((x) => x.p.municipality !== first.p.municipality);
  // 「コミュニティバス」 asked everywhere: each city has one, so a close rival elsewhere makes it a list.
  const rivalCity = rival !== undefined && !leads(first.score, rival.score);
  if (!rivalCity && (leads(first.score, second.score) || showsMore(first.hit, second.hit)))
    return { single: first.p, several: [first.p] };
  return { several: programs.filter((x) => staysListed(x.score, first.score)).map((x) => x.p) };
}

/**
 * The program whose name or alias (without a trailing 事業) the question writes, the longest such name
 * when several are written inside one another (子育てファミリーサポートセンター contains
 * ファミリーサポートセンター); undefined when none, or when two different names tie.
 */
export function mostNamed(programs: Program[], query: Analysis): Program | undefined {
  const q = query.key;
  const lengths = programs.map((p) =>
    Math.max(
      0,
      ...[p.name, ...(p.aliases ?? [])].map((n) => {
        const key = termKey(n.replace(/事業費?$/u, ""));
        return key.length >= 3 && q.includes(key) ? key.length : 0;
      }),
    ),
  );
  const best = Math.max(0, ...lengths);
  const at = lengths.flatMap((l, i) => (l === best && best > 0 ? [i] : []));
  return at.length === 1 ? programs[at[0]!] : undefined;
}
