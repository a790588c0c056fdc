// Japanese year expressions → Western years: 令和2年度 / R2 → 2020, 平成30年 / H30 → 2018, 2021年度 → 2021.
// Used to read period texts (the 期間 column writes "R2 ~ R6") and to check fromFiscalYear/toFiscalYear.

const ERA_OFFSETS: Record<string, number> = { 令和: 2018, R: 2018, 平成: 1988, H: 1988, 昭和: 1925, S: 1925 };
const ERA_YEAR = /(令和|平成|昭和|(?<![A-Za-z])[RHS])\s*(元|\d{1,2})(?![\d.])/g;
const WESTERN_YEAR = /(?<!\d)((?:19|20)\d{2})\s*年/g;

/** Every year the text names, in order of appearance (duplicates kept). */
export function yearsIn(text: string): number[] {
  const t = text.normalize("NFKC");
  const found: { at: number; year: number }[] = [];
  for (const m of t.matchAll(ERA_YEAR)) {
    const n = m[2] === "元" ? 1 : Number(m[2]);
    found.push({ at: m.index, year: (ERA_OFFSETS[m[1] ?? ""] ?? 0) + n });
  }
  for (const m of t.matchAll(WESTERN_YEAR)) found.push({ at: m.index, year: Number(m[1]) });
  return found.sort((a, b) => a.at - b.at).map((f) => f.year);
}

/** The first and last year a period text names ("R2 ~ R6" → 2020–2024), or undefined when it names none. */
export function fiscalYearRange(text: string): { from: number; to: number } | undefined {
  const years = yearsIn(text);
  if (years.length === 0) return undefined;
  return { from: Math.min(...years), to: Math.max(...years) };
}
