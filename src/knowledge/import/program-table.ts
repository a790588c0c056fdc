// Program tables as municipalities export them from Excel (tab- or comma-separated): a header row naming
// 事業名 / 事務事業名, 担当課 / 事業主体, 事業概要 / 事業内容, KPI, 単位, 事務事業番号 … and one row per
// program. A file may hold several tables, each under its own header row; lines between them (titles,
// notes) are skipped. Only what the table states is kept: a column the table lacks leaves the field out.
import { basename, extname } from "node:path";
import { Program } from "../schema.js";
import { fiscalYearRange } from "../fiscal-years.js";
import { statusStated } from "../program-status.js";
import { cellText, findColumn, headerKey, parseTable, type TableRow } from "../table-text.js";
import { programId, romajiWords, uniqueIds, type ReadingTokenizer } from "./program-id.js";

export const PROGRAM_COLUMNS = {
  name: ["事業名", "事務事業名", "事業名称", "事務事業名称"],
  department: ["担当課", "事業主体", "所管課", "担当部署", "所管部署", "担当部局", "担当課名"],
  summary: ["事業概要", "事業内容", "概要", "内容"],
  kpi: ["KPI", "KPI名", "重要業績評価指標", "重要業績評価指標(KPI)", "指標", "成果指標"],
  unit: ["単位", "KPI単位"],
  target: ["目標値", "KPI目標値", "目標"],
  number: ["事務事業番号", "事業番号", "NO", "NO.", "番号", "一覧NO", "一覧NO."],
  period: ["期間", "事業期間", "実施期間"],
  /** 飯塚市's 予算（中事業） cell: the budget line, or 【令和4年度は予算ゼロ】… (read for the status only). */
  budget: ["予算", "予算(中事業)", "予算額", "事業費"],
} as const;
type Column = keyof typeof PROGRAM_COLUMNS;
type Columns = Record<Column, number> & { header: string[] };

export interface ProgramTableOptions {
  municipality: string;
  /** Id of the source document (in municipalities.yaml) the table comes from. */
  document: string;
  /** The table's name in that document, for source.place (default: the file's base name). */
  table?: string;
  /** Start of every id, usually the municipality's slug ("imari"). */
  idPrefix: string;
  /** Department for rows whose table has no 担当課 column or an empty cell (default: the municipality). */
  department?: string;
  /** Ids already used in the knowledge, so the draft does not collide with them. */
  takenIds?: ReadonlySet<string>;
}

/** The table cannot be read as programs (no header row); the message says what the file lacks. */
export class TableImportError extends Error {
  override name = "TableImportError";
}

export interface TableImport {
  programs: Program[];
  /** What a reviewer should know: columns not imported, rows merged. */
  notes: string[];
}

interface RowData {
  line: number;
  cells: Partial<Record<Column, string>>;
  columns: Columns;
}

export function importProgramTable(
  text: string,
  file: string,
  options: ProgramTableOptions,
  tokenizer: ReadingTokenizer,
): TableImport {
  const { rows, ignored } = dataRows(parseTable(text));
  if (rows.length === 0)
    throw new TableImportError(
      `no program rows found in ${file}: the table needs a header row with 事業名 (or 事務事業名) and 担当課, 事業概要, KPI or 事務事業番号`,
    );
  const groups = mergeRepeats(rows);
  const table = options.table ?? basename(file, extname(file));
  const wanted = groups.map((g) => idFor(g[0] as RowData, options.idPrefix, tokenizer));
  const ids = uniqueIds(wanted, options.takenIds);
  const programs = groups.map((g, i) => Program.parse(toProgram(g, ids[i] ?? options.idPrefix, table, options)));
  const taken = wanted.filter((id) => options.takenIds?.has(id));
  const notes = [
    ...(ignored.size > 0 ? [`columns not imported (no field for them): ${[...ignored].join(", ")}`] : []),
    ...(taken.length > 0
      ? [`already in the knowledge, so given another id (the program may be there already): ${taken.join(", ")}`]
      : []),
    ...groups
      .filter((g) => g.length > 1)
      .map(
        (g) => `one program, listed on several rows: ${g[0]?.cells.name} (lines ${g.map((r) => r.line).join(", ")})`,
      ),
  ];
  return { programs, notes };
}

/** The rows under each header row, with the header's columns; also the header cells no field takes. */
function dataRows(rows: TableRow[]): { rows: RowData[]; ignored: Set<string> } {
  const out: RowData[] = [];
  const ignored = new Set<string>();
  let columns: Columns | undefined;
  for (const row of rows) {
    const header = headerColumns(row.cells);
    if (header) {
      columns = header;
      unusedHeaders(header).forEach((h) => ignored.add(h));
      continue;
    }
    // A line without any delimiter (a title or note between tables) ends the table above it.
    if (row.cells.length < 2) columns = undefined;
    if (!columns) continue;
    const at = columns;
    const cells = Object.fromEntries(
      (Object.keys(PROGRAM_COLUMNS) as Column[]).map((k) => [k, plainCell(row.cells, at[k])]),
    );
    if (cells.name && isNumbered(cells.number, at)) out.push({ line: row.line, cells, columns: at });
  }
  return { rows: out, ignored };
}

/** In a numbered table, a row without a short number (45, 425-5, 新規) is a note or a legend, not a program. */
function isNumbered(number: string | undefined, at: Columns): boolean {
  return at.number < 0 || (number !== undefined && number.length <= 8);
}

function headerColumns(cells: string[]): Columns | undefined {
  const at = Object.fromEntries(
    Object.entries(PROGRAM_COLUMNS).map(([k, names]) => [k, findColumn(cells, names)]),
  ) as Record<Column, number>;
  const describes = at.department >= 0 || at.summary >= 0 || at.kpi >= 0 || at.number >= 0;
  return at.name >= 0 && describes ? { ...at, header: cells } : undefined;
}

function unusedHeaders(c: Columns): string[] {
  const used = new Set((Object.keys(PROGRAM_COLUMNS) as Column[]).map((k) => c[k]));
  return c.header.map((h, i) => (used.has(i) || h.trim() === "" ? "" : h.replace(/\s+/g, ""))).filter(Boolean);
}

/** A cell as plain text: list items of HTML fragments on their own lines, other tags dropped. */
function plainCell(cells: string[], index: number): string | undefined {
  const raw = cellText(cells, index);
  if (raw === undefined || !raw.includes("<")) return raw;
  const text = raw
    .replace(/<li[^>]*>/gi, "\n・")
    .replace(/<\/p>\s*<p[^>]*>/gi, "\n")
    .replace(/<[^>]+>/g, "");
  return cellText([text], 0);
}

/**
 * Rows naming the same program are one program: plans list a program under each goal it serves
 * (飯塚市's 中小企業支援融資事業, 伊万里市's 重点施策一覧). Every row gives its place.
 */
function mergeRepeats(rows: RowData[]): RowData[][] {
  const groups = new Map<string, RowData[]>();
  for (const r of rows) {
    const key = headerKey(r.cells.name ?? "");
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()];
}

function idFor(row: RowData, prefix: string, tokenizer: ReadingTokenizer): string {
  const words = romajiWords(row.cells.name ?? "", tokenizer);
  return words.length > 0 ? programId(prefix, words) : `${prefix}-line-${row.line}`;
}

function toProgram(group: RowData[], id: string, table: string, o: ProgramTableOptions): Record<string, unknown> {
  const c = mergedCells(group);
  const departments = (c.department ?? o.department ?? o.municipality)
    .split("\n")
    .map((d) => d.trim())
    .filter(Boolean);
  const kpi = c.kpi ? [{ name: c.kpi, target: c.target, unit: c.unit }] : undefined;
  return withoutUndefined({
    id,
    municipality: o.municipality,
    name: c.name,
    summary: c.summary,
    department: departments.length === 1 ? departments[0] : departments,
    period: c.period ? period(c.period) : undefined,
    kpi: kpi?.map(withoutUndefined),
    nameOnly: c.summary || c.kpi ? undefined : true,
    status: statusOf(c.budget),
    source: { document: o.document, place: group.map((r) => place(r, table)).join("; ") },
  });
}

/**
 * Each field from the first row that has it: a program in a name-only list and in a detailed table
 * takes its department and summary from the detailed one. The KPI's unit and target go with its name.
 */
function mergedCells(group: RowData[]): Partial<Record<Column, string>> {
  const merged: Partial<Record<Column, string>> = {};
  for (const r of group) {
    for (const [k, v] of Object.entries(r.cells) as [Column, string | undefined][]) {
      if (v !== undefined && merged[k] === undefined && !KPI_PARTS.has(k)) merged[k] = v;
    }
  }
  const withKpi = group.find((r) => r.cells.kpi);
  return withKpi
    ? { ...merged, kpi: withKpi.cells.kpi, unit: withKpi.cells.unit, target: withKpi.cells.target }
    : merged;
}
const KPI_PARTS = new Set<Column>(["kpi", "unit", "target"]);

/** A status when the budget cell states one (予算ゼロ, 事業見直し …), quoting the cell. */
function statusOf(budget: string | undefined): Record<string, unknown> | undefined {
  const value = budget ? statusStated(budget) : undefined;
  return value ? { value, quote: budget!.replace(/\s+/gu, " ").trim() } : undefined;
}

function period(text: string): Record<string, unknown> {
  const range = fiscalYearRange(text);
  return withoutUndefined({ text, fromFiscalYear: range?.from, toFiscalYear: range?.to });
}

/** "事業一覧 事務事業番号 425-5（12行目）", or "事業一覧 12行目" when the table numbers nothing. */
function place(r: RowData, table: string): string {
  const n = r.cells.number;
  if (!n) return `${table} ${r.line}行目`;
  const label = (r.columns.header[r.columns.number] ?? "").normalize("NFKC").replace(/\s+/g, "");
  const numbered = /^no\.?$/i.test(label) ? `No.${n}` : `${label} ${n}`;
  return `${table} ${numbered}（${r.line}行目）`;
}

function withoutUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
