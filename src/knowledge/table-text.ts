// Tables as municipal staff export them from Excel or open-data portals: comma- or tab-separated text,
// UTF-8 (with or without BOM) or Shift_JIS (CP932), header cells with stray spaces and full-width letters.
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";

export interface TableRow {
  cells: string[];
  /** 1-based line in the file where the row starts. */
  line: number;
}

/** Decodes bytes as UTF-8 when they are valid UTF-8, else as Shift_JIS (CP932). */
export function decodeTableBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return iconv.decode(Buffer.from(bytes), "cp932");
  }
}

/** Tab when more lines hold a tab than hold a comma without one (Japanese prose rarely has ASCII commas). */
export function detectDelimiter(text: string): "\t" | "," {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .slice(0, 200);
  const tabbed = lines.filter((l) => l.includes("\t")).length;
  const commaOnly = lines.filter((l) => !l.includes("\t") && l.includes(",")).length;
  return tabbed > 0 && tabbed >= commaOnly ? "\t" : ",";
}

/** Parses delimited text into rows with their line numbers. Throws csv-parse's error on broken quoting. */
export function parseTable(text: string): TableRow[] {
  const delimiter = detectDelimiter(text);
  const records = parse(text, {
    delimiter,
    bom: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  return records.map(({ record, info }) => ({
    cells: record,
    // info.lines is the line the record ends on; a quoted cell may span several lines.
    line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
  }));
}

/** A header cell as compared with known column names: NFKC, no spaces ("事務事業 番号" = "事務事業番号"). */
export function headerKey(cell: string): string {
  return cell.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

/** Index of the first header cell matching one of the names (compared by headerKey), or -1. */
export function findColumn(header: readonly string[], names: readonly string[]): number {
  const wanted = new Set(names.map(headerKey));
  return header.findIndex((h) => wanted.has(headerKey(h)));
}

/** A cell's text with runs of spaces collapsed, or undefined when empty. */
export function cellText(cells: readonly string[], index: number): string | undefined {
  if (index < 0) return undefined;
  const value = (cells[index] ?? "")
    .replace(/[ \t\u3000]+/g, " ")
    .replace(/ *\r?\n */g, "\n")
    .trim();
  return value === "" ? undefined : value;
}
