// FAQ CSV files → FAQ entries to keep as YAML (faq/*.yaml), with the municipality filled in for files
// whose rows do not name one and, optionally, a prefix on the CSV's ids (two files both numbering 1, 2 …).
import { basename } from "node:path";
import { parseFaqCsv } from "../faq-csv.js";
import type { ParsedList } from "../yaml-file.js";
import type { Faq } from "../schema.js";

export interface FaqImportOptions {
  /** Municipality for rows without 地方公共団体名. */
  municipality?: string;
  /** Put before every id: "iizuka" + "12" → "iizuka-12". */
  idPrefix?: string;
}

export function importFaqCsv(text: string, file: string, options: FaqImportOptions = {}): ParsedList<Faq> {
  const parsed = parseFaqCsv(text, file, basename(file));
  const entries = parsed.entries.map((f) => ({
    ...f,
    id: options.idPrefix ? `${options.idPrefix}-${f.id}` : f.id,
    municipality: f.municipality ?? options.municipality,
  }));
  return { ...parsed, entries: entries.map(dropUndefined) };
}

function dropUndefined(f: Faq): Faq {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Faq;
}
