// Whether a program's period has ended, and how to say a fiscal year in Japanese. A fiscal year (年度)
// runs from 1 April to 31 March of the next year, so 令和6年度 (FY2024) ends on 31 March 2025. "Today" is
// the date in Japan, from an injectable clock.
import type { Program } from "../../knowledge/schema.js";

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The calendar date in Japan at `now`, as YYYY-MM-DD. */
export function japanDate(now: Date): string {
  return new Date(now.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last day of a fiscal year: FY2024 → 2025-03-31. */
export function fiscalYearLastDay(fiscalYear: number): string {
  return `${fiscalYear + 1}-03-31`;
}

/** True when the program's period names a last fiscal year and that year ended before today. */
export function periodEnded(program: Program, now: Date): boolean {
  const to = program.period?.toFiscalYear;
  return to !== undefined && japanDate(now) > fiscalYearLastDay(to);
}

/** 2024 → 令和6年度, 2019 → 令和元年度, 2018 → 平成30年度. */
export function warekiFiscalYear(fiscalYear: number): string {
  const [era, offset] = fiscalYear >= 2019 ? ["令和", 2018] : fiscalYear >= 1989 ? ["平成", 1988] : ["昭和", 1925];
  const n = fiscalYear - offset;
  return `${era}${n === 1 ? "元" : n}年度`;
}

/** The span the period's fiscal years cover, in 和暦 (令和2年度～令和6年度); undefined when it states none. */
export function warekiSpan(program: Program): string | undefined {
  const p = program.period;
  if (!p || (p.fromFiscalYear === undefined && p.toFiscalYear === undefined)) return undefined;
  const from = p.fromFiscalYear === undefined ? "" : warekiFiscalYear(p.fromFiscalYear);
  const to = p.toFiscalYear === undefined ? "" : warekiFiscalYear(p.toFiscalYear);
  return from === to ? from : `${from}～${to}`;
}
