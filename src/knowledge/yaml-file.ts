// Reads one YAML knowledge file and validates it against a zod schema for a list of entries,
// mapping each zod issue back to the line of the YAML node it is about.
import { readFile } from "node:fs/promises";
import { LineCounter, parseDocument, isSeq, isMap, type Document, type Node, type YAMLError } from "yaml";
import type { z } from "zod";
import type { Problem } from "./problems.js";
import { issueMessage, valueAt } from "./issue-messages.js";

export interface ParsedList<T> {
  entries: T[];
  /** The line each entry starts on, by index, for problems found later (duplicates, references). */
  lines: number[];
  problems: Problem[];
}

export async function readYamlList<T>(file: string, label: string, schema: z.ZodType<T[]>): Promise<ParsedList<T>> {
  const source = await readFile(file, "utf8");
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    // Only the first: later syntax errors are usually echoes of it, and the file is re-checked after a fix.
    const e = doc.errors[0] as YAMLError;
    return {
      entries: [],
      lines: [],
      problems: [
        {
          file: label,
          line: lineOfOffset(lines, e.pos[0]),
          message: `YAML syntax: ${e.message.split("\n")[0]} (check the indentation and quotes on this line and the one below)`,
        },
      ],
    };
  }
  const data: unknown = doc.toJS() ?? [];
  if (!Array.isArray(data)) {
    return {
      entries: [],
      lines: [],
      problems: [
        {
          file: label,
          line: lineOfNode(doc.contents, lines) ?? 1,
          message: 'the file must be a YAML list of entries, each starting with "- id: …"',
        },
      ],
    };
  }
  const parsed = schema.safeParse(data);
  const entryLines = isSeq(doc.contents) ? doc.contents.items.map((n) => lineOfNode(n, lines) ?? 0) : [];
  if (parsed.success) return { entries: parsed.data, lines: entryLines, problems: [] };
  const problems = parsed.error.issues.map((issue) => issueToProblem(issue, doc, lines, label, data));
  return { entries: [], lines: entryLines, problems };
}

function issueToProblem(
  issue: z.core.$ZodIssue,
  doc: Document,
  lines: LineCounter,
  file: string,
  data: unknown,
): Problem {
  const path = issue.path.map((k) => (typeof k === "symbol" ? String(k) : k));
  const [index, ...fieldPath] = path;
  const entry = typeof index === "number" ? entryLabel(data, index) : undefined;
  let field = fieldPath.join(".");
  let message = issue.message;
  let at = path;
  if (issue.code === "unrecognized_keys") {
    field = [...fieldPath, ...issue.keys].join(".");
    message = `unknown field (not in the schema: check the spelling)`;
    at = [...path, ...issue.keys.slice(0, 1)];
  } else {
    message = issueMessage(issue, valueAt(data, issue.path));
  }
  return { file, line: lineOfPath(doc, lines, at), entry, field: field || undefined, message };
}

function entryLabel(data: unknown, index: number): string {
  const item = Array.isArray(data) ? (data[index] as Record<string, unknown> | undefined) : undefined;
  const id = item && typeof item === "object" ? item["id"] : undefined;
  return typeof id === "string" && id ? id : `entry #${index + 1}`;
}

/** The line of the deepest YAML node on the path that exists (a missing field points at its entry). */
function lineOfPath(doc: Document, lines: LineCounter, path: (string | number)[]): number | undefined {
  let node: unknown = doc.contents;
  let line = lineOfNode(node, lines);
  for (const key of path) {
    if (!(isSeq(node) || isMap(node))) break;
    const next = node.get(key, true);
    if (next === undefined) break;
    node = next;
    line = lineOfNode(node, lines) ?? line;
  }
  return line;
}

function lineOfNode(node: unknown, lines: LineCounter): number | undefined {
  const range = (node as Node | null)?.range;
  return range ? lineOfOffset(lines, range[0]) : undefined;
}

function lineOfOffset(lines: LineCounter, offset: number): number {
  return lines.linePos(offset).line;
}

/**
 * For messages about entries already loaded: finds the line of a field of the entry with a given id in
 * a YAML list file ("benefits.0.amounts.0.text" → its line), or the entry's line when the field is absent.
 */
export async function yamlFieldLocator(file: string): Promise<(id: string, field: string) => number | undefined> {
  const lines = new LineCounter();
  const doc = parseDocument(await readFile(file, "utf8"), { lineCounter: lines });
  const items = isSeq(doc.contents) ? doc.contents.items : [];
  return (id, field) => {
    const index = items.findIndex((item) => isMap(item) && (item.get("id") as unknown) === id);
    if (index < 0) return undefined;
    const path = [
      index,
      ...field
        .split(".")
        .filter(Boolean)
        .map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
    ];
    return lineOfPath(doc, lines, path);
  };
}
