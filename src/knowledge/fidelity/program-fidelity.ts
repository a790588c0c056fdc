// Checks one program against the text of the source document it cites: its name, departments and every
// number expression it writes (amounts, counts, ages, durations, dates) must occur in that text, and
// its numeric fields must agree with the words they were read from. Pure: the caller reads the source.
import type { Amount, Benefit, Period, Program } from "../schema.js";
import { fiscalYearRange } from "../fiscal-years.js";
import { matchForm, numberExpressions, occursIn } from "./match-text.js";
import { fieldRoleIssues } from "./field-roles.js";

export interface FieldIssue {
  /** Path of the field in the entry, as in check's output: "benefits.0.amounts.0.text". */
  field: string;
  message: string;
}

/** Fields that are identifiers or places, not facts taken from the document's wording. */
const NOT_FACTS = new Set(["id", "municipality", "source.document", "source.place", "status.value"]);

export function programFidelity(program: Program, matchFormSource: string): FieldIssue[] {
  return [
    ...wordsInSource(program, matchFormSource),
    ...numbersInSource(program, matchFormSource),
    ...(program.benefits ?? []).flatMap((b, i) => benefitAgreement(b, `benefits.${i}`)),
    ...(program.period ? periodAgreement(program.period) : []),
    ...conditionAgreement(program),
    ...fieldRoleIssues(program, matchFormSource),
  ];
}

function wordsInSource(p: Program, source: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!source.includes(matchForm(p.name)))
    issues.push({
      field: "name",
      message: `the name "${p.name}" does not occur in the source document: copy the 事業名 exactly as the source writes it`,
    });
  const departments = typeof p.department === "string" ? [p.department] : p.department;
  departments.forEach((d, i) => {
    const field = typeof p.department === "string" ? "department" : `department.${i}`;
    if (!source.includes(matchForm(d))) issues.push({ field, message: `"${d}" does not occur in the source document` });
  });
  return issues;
}

function numbersInSource(p: Program, source: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const { path, value } of stringFields(p)) {
    // a KPI's unit (千円) is a unit, not a number: its target carries the number and is checked
    if (NOT_FACTS.has(path) || /^kpi\.\d+\.unit$/u.test(path)) continue;
    const missing = [...new Set(numberExpressions(matchForm(value)))].filter((e) => !occursIn(e, source));
    for (const e of missing)
      issues.push({ field: path, message: `"${e}" does not occur in the source document (in "${clip(value)}")` });
  }
  return issues;
}

/** Every string leaf of an entry with its dotted path. */
export function stringFields(value: unknown, path = ""): { path: string; value: string }[] {
  if (typeof value === "string") return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringFields(v, join(path, String(i))));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => stringFields(v, join(path, k)));
  return [];
}

function benefitAgreement(b: Benefit, at: string): FieldIssue[] {
  return (b.amounts ?? []).flatMap((a, i) => amountAgreement(a, b, `${at}.amounts.${i}`));
}

const MULTIPLIERS: Record<string, number> = {
  "": 1,
  百: 100,
  千: 1_000,
  万: 10_000,
  百万: 1_000_000,
  千万: 10_000_000,
  億: 100_000_000,
};

/** Whether value+unit is a reading of a number in the text: "10万円" reads as 100000 円 or 10 万円. */
export function amountReadsAs(text: string, value: number, unit: string): boolean {
  const t = matchForm(text);
  const u = matchForm(unit);
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)(百万|千万|億|万|千|百)?/g)) {
    const n = Number(m[1]);
    const mult = m[2] ?? "";
    const rest = t.slice(m.index + m[0].length);
    if (n * (MULTIPLIERS[mult] ?? 1) === value && rest.startsWith(u)) return true;
    if (n === value && (mult + rest).startsWith(u)) return true;
  }
  return false;
}

function amountAgreement(a: Amount, b: Benefit, at: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!amountReadsAs(a.text, a.value, a.unit)) {
    issues.push({
      field: `${at}.value`,
      message: `${a.value} ${a.unit} is not what "${a.text}" says (e.g. 10万円 is value 100000, unit 円)`,
    });
  }
  const words = `${a.text} ${b.text ?? ""}`;
  if (a.cap && !/上限|まで|以内|限度|以下/.test(words))
    issues.push({ field: `${at}.cap`, message: `cap is true but "${clip(a.text)}" says no 上限 / まで` });
  return issues;
}

function periodAgreement(period: Period): FieldIssue[] {
  const range = fiscalYearRange(period.text);
  const issues: FieldIssue[] = [];
  const check = (field: "fromFiscalYear" | "toFiscalYear", stated: number | undefined) => {
    if (period[field] !== undefined && period[field] !== stated) {
      issues.push({
        field: `period.${field}`,
        message: `${period[field]} does not agree with period.text "${period.text}" (${stated === undefined ? "which names no year" : `which says ${stated}`}; 令和2年度 = 2020)`,
      });
    }
  };
  check("fromFiscalYear", range?.from);
  check("toFiscalYear", range?.to);
  return issues;
}

function conditionAgreement(p: Program): FieldIssue[] {
  return (p.eligibility?.conditions ?? []).flatMap((c, i) =>
    (["min", "max"] as const)
      .filter((k) => c[k] !== undefined && !numbersOf(c.text).includes(c[k] as number))
      .map((k) => ({
        field: `eligibility.conditions.${i}.${k}`,
        message: `${c[k]} does not occur in the condition's text "${c.text}"`,
      })),
  );
}

function numbersOf(text: string): number[] {
  return [...matchForm(text).matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, " ");
  return one.length > 40 ? `${one.slice(0, 40)}…` : one;
}
