// Reads one YAML knowledge file and validates it against a zod schema for a list of entries,
// mapping each zod issue back to the line of the YAML node it is about.
import { readFile } from "node:fs/promises";
import { LineCounter, parseDocument, isSeq, isMap, type Document, type Node } from "yaml";
import type { z } from "zod";
import type { Problem } from "./problems.js";

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
    return { entries: [], lines: [], problems: doc.errors.map((e) => ({ file: label, line: lineOfOffset(lines, e.pos[0]), message: `YAML syntax: ${e.message.split("\n")[0]}` })) };
  }
  const data: unknown = doc.toJS() ?? [];
  const parsed = schema.safeParse(data);
  const entryLines = isSeq(doc.contents) ? doc.contents.items.map((n) => lineOfNode(n, lines) ?? 0) : [];
  if (parsed.success) return { entries: parsed.data, lines: entryLines, problems: [] };
  const problems = parsed.error.issues.map((issue) => issueToProblem(issue, doc, lines, label, data));
  return { entries: [], lines: entryLines, problems };
}

function issueToProblem(issue: z.core.$ZodIssue, doc: Document, lines: LineCounter, file: string, data: unknown): Problem {
  const path = issue.path.map((k) => (typeof k === "symbol" ? String(k) : k));
  const [index, ...fieldPath] = path;
  const entry = typeof index === "number" ? entryLabel(data, index) : undefined;
  let field = fieldPath.join(".");
  let message = issue.message;
  if (issue.code === "unrecognized_keys") {
    field = [...fieldPath, ...issue.keys].join(".");
    message = `unknown field (not in the schema: check the spelling)`;
  } else if (issue.code === "invalid_type" && /received undefined/.test(issue.message)) {
    message = `is required`;
  }
  return { file, line: lineOfPath(doc, lines, path), entry, field: field || undefined, message };
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
