// Checks that each fact sits in the field whose meaning it has, for the slips an audit found: a status
// the source states (予算ゼロ, 事業見直し) left out; a purpose (「…を目的として」) filed as who may use the
// program; a KPI unit without the target's multiplier (2,500千円 recorded as 円); audiences and categories
// of a name-only row not marked as inferred. Pure: the caller gives the source in match form.
import type { Program } from "../schema.js";
import { matchForm } from "./match-text.js";
import { STATUS_PHRASES } from "../program-status.js";
import type { FieldIssue } from "./program-fidelity.js";

/** How far after the program's name its row may state a status (名前・番号・担当課・予算 cells). */
const ROW_WINDOW = 100;
/** How a purpose is written: 「…を目的として」「…を目的に」. */
const PURPOSE = /を目的と|を目的に/u;
const MULTIPLIER = /\d(千万|百万|千|万|億)/u;

export function fieldRoleIssues(p: Program, source: string): FieldIssue[] {
  return [...statusIssues(p, source), ...purposeIssues(p), ...kpiUnitIssues(p), ...inferredIssues(p)];
}

function statusIssues(p: Program, source: string): FieldIssue[] {
  if (p.status) {
    return source.includes(matchForm(p.status.quote))
      ? []
      : [
          {
            field: "status.quote",
            message: `"${p.status.quote}" does not occur in the source document: quote the source's words`,
          },
        ];
  }
  const name = matchForm(p.name);
  for (let at = source.indexOf(name); at >= 0; at = source.indexOf(name, at + 1)) {
    const said = STATUS_PHRASES.exec(source.slice(at + name.length, at + name.length + ROW_WINDOW));
    if (said)
      return [
        {
          field: "status",
          message: `the source's row says "${said[0]}": record it as status (value and the source's quote), so answers do not present the program as running`,
        },
      ];
  }
  return [];
}

function purposeIssues(p: Program): FieldIssue[] {
  const text = p.eligibility?.text;
  return text && PURPOSE.test(text)
    ? [
        {
          field: "eligibility.text",
          message: `"${text}" states the program's purpose, not who may use it: keep it in the summary`,
        },
      ]
    : [];
}

function kpiUnitIssues(p: Program): FieldIssue[] {
  return (p.kpi ?? []).flatMap((k, i) => {
    const multiplier = k.target ? MULTIPLIER.exec(matchForm(k.target))?.[1] : undefined;
    if (!multiplier || !k.unit || k.unit.startsWith(multiplier)) return [];
    return [
      {
        field: `kpi.${i}.unit`,
        message: `"${k.unit}" drops the target's ${multiplier} ("${k.target}"): the unit is ${multiplier}${k.unit}`,
      },
    ];
  });
}

function inferredIssues(p: Program): FieldIssue[] {
  if (!p.nameOnly) return [];
  return (["audiences", "categories"] as const)
    .filter((f) => (p[f]?.length ?? 0) > 0 && !p.inferred?.includes(f))
    .map((f) => ({
      field: f,
      message: `the source gives only this program's name, so its ${f} are inferred from the name: list "${f}" in inferred (or drop them)`,
    }));
}
