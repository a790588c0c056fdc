// Which programs an answer of the 制度診断 keeps, and why: by the program's audiences, categories,
// municipality, or a word of the option found in its name or eligibility text (not the summary, whose
// wording is about the city's aims: 「定住化を促進」 in a 保育士 loan does not make it a program for movers).
import type { Program } from "../../knowledge/schema.js";
import { termKey } from "../../text/normalize.js";
import { inferredMark } from "../answer/program-facts.js";
import type { CheckDefinition, CheckOption } from "./check-schema.js";
import type { CheckState } from "../session/session.js";
import { askableSteps } from "./check-flow.js";

export interface CheckMatch {
  program: Program;
  /** One line per answered step: the option's reason and the evidence in the entry. */
  reasons: string[];
  /** How many reasons rest on the entry's own words (more specific than a shared audience). */
  specificity: number;
}

interface OptionEvidence {
  evidence: string;
  specific: boolean;
}

export function optionEvidence(option: CheckOption, p: Program): OptionEvidence | undefined {
  if (option.any) return { evidence: "", specific: false };
  if (option.municipalities.includes(p.municipality)) return { evidence: p.municipality, specific: false };
  const text = termKey(entryText(p));
  const word = option.entryWords.find((w) => text.includes(termKey(w)));
  if (word) return { evidence: `「${word}」の記載`, specific: true };
  if (option.unlessWords.some((w) => text.includes(termKey(w)))) return undefined;
  const audience = option.audiences.find((a) => p.audiences?.includes(a));
  if (audience) return { evidence: `対象: ${audience}${inferredMark(p, "audiences")}`, specific: false };
  const category = option.categories.find((c) => p.categories?.includes(c));
  if (category) return { evidence: `分野: ${category}${inferredMark(p, "categories")}`, specific: false };
  return undefined;
}

function entryText(p: Program): string {
  return [
    p.name,
    ...(p.aliases ?? []),
    p.eligibility?.text ?? "",
    ...(p.eligibility?.conditions ?? []).map((c) => c.text),
  ].join(" ");
}

/** The programs that match every answered step (any chosen option of a step is enough). */
export function checkMatches(def: CheckDefinition, state: CheckState, programs: readonly Program[]): CheckMatch[] {
  const answered = askableSteps(def, state.answers).filter((s) => (state.answers[s.id] ?? []).length > 0);
  const out: CheckMatch[] = [];
  for (const program of programs) {
    const reasons: string[] = [];
    let specificity = 0;
    const ok = answered.every((step) => {
      const chosen = step.options.filter((o) => state.answers[step.id]?.includes(o.id));
      const hits = chosen.flatMap((o) => {
        const e = optionEvidence(o, program);
        return e ? [{ o, e }] : [];
      });
      for (const { o, e } of hits) {
        if (o.reason) reasons.push(e.evidence ? `${o.reason}（${e.evidence}）` : o.reason);
        if (e.specific) specificity++;
      }
      return hits.length > 0;
    });
    if (ok) out.push({ program, reasons, specificity });
  }
  return out.sort(
    (a, b) =>
      Number(a.program.nameOnly ?? false) - Number(b.program.nameOnly ?? false) || b.specificity - a.specificity,
  );
}
