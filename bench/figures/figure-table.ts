// The bench's table: each figure of issue 14 with its measured value (median and spread over fresh
// processes), its target, and whether it meets it.

export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const median =
    sorted.length === 0
      ? NaN
      : sorted.length % 2
        ? sorted[(sorted.length - 1) / 2]!
        : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN, n: sorted.length };
}

/** "12.3 (11.0–14.1, 5 runs)" with the given decimals and unit. */
export function showSpread(s: Spread, decimals: number, unit = ""): string {
  const f = (x: number) => x.toFixed(decimals);
  return s.n > 1 ? `${f(s.median)}${unit} (${f(s.min)}–${f(s.max)}, ${s.n} runs)` : `${f(s.median)}${unit}`;
}

export interface FigureRow {
  figure: string;
  measured: string;
  target: string;
  /** undefined: not measured in this run (or no target). */
  pass: boolean | undefined;
}

export function figureTable(rows: readonly FigureRow[]): string {
  const mark = (p: boolean | undefined) => (p === undefined ? "–" : p ? "yes" : "**no**");
  const lines = ["| figure | measured: median (min–max) | target | meets |", "|---|---|---|---|"];
  for (const r of rows) lines.push(`| ${r.figure} | ${r.measured} | ${r.target} | ${mark(r.pass)} |`);
  return lines.join("\n");
}
