// A problem found while loading knowledge, reported to the staff member who edits the files as
// `file:line: entry-id: field: message` (parts that are unknown are left out).
export interface Problem {
  file: string;
  line?: number;
  entry?: string;
  field?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return [where, p.entry, p.field, p.message].filter((s) => s !== undefined && s !== "").join(": ");
}

/** Thrown when knowledge cannot be used; carries every problem so callers can print them all. */
export class KnowledgeError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} problem(s) in the knowledge:\n${problems.map(formatProblem).join("\n")}`);
    this.name = "KnowledgeError";
  }
}
