// FAQ CSV files as municipalities publish them (the national FAQ open-data format and its variants):
// a header row with 質問 and 回答, optional ID, 分類, 担当課 / 所管部署, URL, 地方公共団体名.
// Encoding is UTF-8 (with or without BOM) or Shift_JIS, which many municipal open-data files use.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { Faq } from "./schema.js";
import type { Problem } from "./problems.js";
import type { ParsedList } from "./yaml-file.js";
import { cellText, decodeTableBytes, findColumn, parseTable, type TableRow } from "./table-text.js";
import { htmlToText } from "./html-text.js";

export const FAQ_COLUMNS = {
  id: ["ID", "番号", "FAQ番号", "FAQID", "NO", "NO."],
  question: ["質問", "質問内容", "問", "問い", "Q"],
  answer: ["回答", "回答内容", "答", "答え", "A"],
  category: ["分類", "カテゴリ", "カテゴリー", "分類1", "大分類"],
  department: ["担当課", "所管部署", "担当部署", "所管課", "問い合わせ先", "問合せ先"],
  url: ["URL", "関連URL", "参考URL"],
  municipality: ["地方公共団体名", "自治体名", "市区町村名"],
} as const;
type FaqColumn = keyof typeof FAQ_COLUMNS;
type ColumnIndex = Record<FaqColumn, number>;

/**
 * Reads one FAQ CSV file. `idBase` names entries of files without an ID column (`<idBase>-<row>`);
 * it should be stable (the path inside the knowledge directory), so ids do not change with the cwd.
 */
export async function readFaqCsv(file: string, label: string, idBase = label): Promise<ParsedList<Faq>> {
  return parseFaqCsv(decodeTableBytes(await readFile(file)), label, idBase);
}

export function parseFaqCsv(text: string, label: string, idBase = label): ParsedList<Faq> {
  let rows: TableRow[];
  try {
    rows = parseTable(text);
  } catch (e) {
    return failed({ file: label, message: `CSV syntax: ${(e as Error).message}` });
  }
  const header = rows[0]?.cells ?? [];
  const at = Object.fromEntries(
    Object.entries(FAQ_COLUMNS).map(([k, names]) => [k, findColumn(header, names)]),
  ) as ColumnIndex;
  const missing = [at.question < 0 ? "質問" : "", at.answer < 0 ? "回答" : ""].filter(Boolean);
  if (missing.length > 0) {
    const shown = header.map((h) => h.trim()).join(", ") || "empty";
    return failed({
      file: label,
      line: rows[0]?.line ?? 1,
      field: "header",
      message: `missing column ${missing.join(" and ")}: an FAQ CSV needs a header row with 質問 and 回答 (this header is: ${shown})`,
    });
  }
  return rowsToFaqs(rows.slice(1), at, label, idSlug(idBase));
}

function rowsToFaqs(rows: TableRow[], at: ColumnIndex, label: string, idBase: string): ParsedList<Faq> {
  const out: ParsedList<Faq> = { entries: [], lines: [], problems: [] };
  rows.forEach((row, i) => {
    // A CMS export's HTML (<br>, <a href>, &amp;) is read as the text it shows.
    const cell = (k: FaqColumn) => {
      const text = cellText(row.cells, at[k]);
      return text === undefined || k === "url" ? text : htmlToText(text) || undefined;
    };
    const candidate = {
      id: cell("id") ?? `${idBase}-${i + 1}`,
      question: cell("question"),
      answer: cell("answer"),
      category: cell("category"),
      department: cell("department"),
      url: cell("url"),
      municipality: cell("municipality"),
    };
    const parsed = Faq.safeParse(candidate);
    if (parsed.success) {
      out.entries.push(parsed.data);
      out.lines.push(row.line);
      return;
    }
    for (const issue of parsed.error.issues) {
      const column = String(issue.path[0]);
      const empty = candidate[column as keyof typeof candidate] === undefined;
      out.problems.push({
        file: label,
        line: row.line,
        entry: candidate.id,
        field: columnLabel(column),
        message: empty ? "is empty: every row needs a 質問 and a 回答" : issue.message,
      });
    }
  });
  return out;
}

function columnLabel(field: string): string {
  return field === "question" ? "質問" : field === "answer" ? "回答" : field;
}

function failed(problem: Problem): ParsedList<Faq> {
  return { entries: [], lines: [], problems: [problem] };
}

/** "faq/iizuka.csv" → "faq-iizuka"; a name with other letters gets a short hash so two files never share ids. */
function idSlug(path: string): string {
  const base = path.replace(/\.csv$/i, "");
  const ascii = base
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
  if (/^[\x20-\x7e]*$/.test(base) && ascii) return ascii;
  return `${ascii || "faq"}-${createHash("sha256").update(base).digest("hex").slice(0, 6)}`;
}
