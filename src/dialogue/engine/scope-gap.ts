// A question answered for one municipality whose programs only brush it: 「不妊治療の助成ある？」 to 飯塚市,
// which has no such program, finds 飯塚市's other 助成 by that one word. The search across every
// municipality tells the two apart: when another municipality's program has every thing the question names (its nouns),
// none of the municipality's own best hits has them even nearly (病児 in 病後児保育 counts), and its
// confidence clearly leads theirs, the municipality has no such program, and saying so beats a list of near misses.
import type { Program } from "../../knowledge/schema.js";
import type { Analysis } from "../../text/analysis.js";
import type { QuestionTerms } from "../intents/question-terms.js";
import type { ProgramSearch } from "./engine-deps.js";
import { leads, NEAR_TOP, staysListed } from "./program-choice.js";
import { strengthOf } from "./engine-deps.js";
import { scopeOf, type Turn } from "./turn.js";
import { nounsCheck } from "./nouns-check.js";

type Found = ReturnType<ProgramSearch["search"]>;

/** The other municipality's program that fits where the scope's programs do not, or undefined. */
export function scopeGap(turn: Turn, query: Analysis, terms: QuestionTerms, found: Found): Program | undefined {
  const scope = scopeOf(turn);
  const top = found.noMatch ? undefined : found.results[0];
  const words = nounsCheck(turn, terms);
  if (!scope || !words) return undefined;
  // Nothing fits in the scope (noMatch): any confident program elsewhere with every noun. Else it must lead.
  const best = top ? strengthOf(top, 0) : 0;
  const near = top
    ? found.results
        .filter((h, rank) => h.type === "program" && staysListed(strengthOf(h, rank), best))
        .slice(0, NEAR_TOP)
    : [];
  if (
    near.some((h) => {
      const p = turn.kb.program(h.id);
      return p !== undefined && words.mayHaveAll(p);
    })
  )
    return undefined;
  const everywhere = turn.index.search(query, { top: 1 });
  const other = everywhere.results[0];
  if (everywhere.noMatch || !other || other.type !== "program" || other.municipality === scope) return undefined;
  if (top && !leads(strengthOf(other, 0), best)) return undefined;
  const p = turn.kb.program(other.id);
  return p && words.hasAll(p) ? p : undefined;
}
