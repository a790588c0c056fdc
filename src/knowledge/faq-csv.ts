// FAQ CSV files as municipalities publish them (the national FAQ open-data format and its variants):
// a header row with 質問 and 回答, optional ID, 分類, 担当課 / 所管部署, URL, 地方公共団体名.
// Encoding is UTF-8 (with or without BOM) or Shift_JIS, which many municipal open-data files use.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { Faq } from "./schema.js";
import type { Problem } from "./problems.js";
import type { ParsedList } from "./yaml-file.js";

const COLUMNS = {
  id: ["ID", "Id", "id", "番号", "FAQ番号", "NO", "No", "No."],
  question: ["質問", "質問内容", "問", "Q"],
  answer: ["回答", "回答内容", "答", "A"],
  category: ["分類", "カテゴリ", "カテゴリー", "分類1"],
  department: ["担当課", "所管部署", "担当部署", "問い合わせ先"],
  url: ["URL", "url", "関連URL", "参考URL"],
  municipality: ["地方公共団体名", "自治体名", "市区町村名"],
} as const;

/** Decodes bytes as UTF-8 when they are valid UTF-8, else as Shift_JIS (CP932). */
export function decodeCsvBytes(bytes: Buffer): string {
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return iconv.decode(bytes, "cp932");
  }
}

export async function readFaqCsv(file: string, label: string): Promise<ParsedList<Faq>> {
  return parseFaqCsv(decodeCsvBytes(await readFile(file)), label);
}

export function parseFaqCsv(text: string, label: string): ParsedList<Faq> {
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true, delimiter: detectDelimiter(text) });
  } catch (e) {
    return { entries: [], lines: [], problems: [{ file: label, message: `CSV syntax: ${(e as Error).message}` }] };
  }
  const header = (rows[0] ?? []).map((h) => h.trim());
  const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const at = { id: col(COLUMNS.id), question: col(COLUMNS.question), answer: col(COLUMNS.answer), category: col(COLUMNS.category), department: col(COLUMNS.department), url: col(COLUMNS.url), municipality: col(COLUMNS.municipality) };
  const missing = [at.question < 0 ? "質問" : "", at.answer < 0 ? "回答" : ""].filter(Boolean);
  if (missing.length > 0) {
    return { entries: [], lines: [], problems: [{ file: label, line: 1, field: "header", message: `missing column ${missing.join(" and ")} (header is: ${header.join(", ") || "empty"})` }] };
  }
  return rowsToFaqs(rows.slice(1), at, label);
}

function rowsToFaqs(rows: string[][], at: Record<keyof typeof COLUMNS, number>, label: string): ParsedList<Faq> {
  const entries: Faq[] = [];
  const lines: number[] = [];
  const problems: Problem[] = [];
  rows.forEach((row, i) => {
    const line = i + 2; // 1-based, after the header (rows with embedded newlines make this approximate)
    const cell = (k: keyof typeof COLUMNS) => (at[k] >= 0 ? (row[at[k]] ?? "").trim() : "") || undefined;
    const candidate = { id: cell("id") ?? `${label.replace(/[^A-Za-z0-9]+/g, "-")}-${i + 1}`, question: cell("question"), answer: cell("answer"), category: cell("category"), department: cell("department"), url: cell("url"), municipality: cell("municipality") };
    const parsed = Faq.safeParse(candidate);
    if (parsed.success) {
      entries.push(parsed.data);
      lines.push(line);
    } else {
      for (const issue of parsed.error.issues) problems.push({ file: label, line, entry: candidate.id, field: issue.path.join("."), message: candidate[issue.path[0] as keyof typeof candidate] === undefined ? "is required" : issue.message });
    }
  });
  return { entries, lines, problems };
}

function detectDelimiter(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? "";
  return (first.match(/\t/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? "\t" : ",";
}
