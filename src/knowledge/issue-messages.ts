// zod's issues rewritten for a staff member editing YAML: "must be one of: 個人, 子育て世帯 …" rather than
// `Invalid option: expected one of "個人"|"子育て世帯"…`, "must be a list" rather than "expected array".
import type { z } from "zod";

const KINDS: Record<string, string> = {
  array: "a list, e.g. [子育て, 教育]",
  string: "text",
  number: "a number (digits only, no unit)",
  boolean: "true or false",
  object: "a block of `key: value` lines",
};

/** The message for one issue; `value` is what the file holds at the issue's path (undefined if absent). */
export function issueMessage(issue: z.core.$ZodIssue, value: unknown): string {
  // A message the schema wrote itself ("is required: an amount needs a unit …") is kept as it is.
  if (issue.code === "invalid_type" && !issue.message.startsWith("Invalid input")) return issue.message;
  if (value === undefined && (issue.code === "invalid_type" || issue.code === "invalid_union")) return "is required";
  if (value === null && (issue.code === "invalid_type" || issue.code === "invalid_union"))
    return "is empty: write a value after the colon, or remove the line";
  switch (issue.code) {
    case "invalid_value":
      return `must be one of: ${issue.values.map(String).join(", ")}`;
    case "invalid_type":
      return `must be ${KINDS[issue.expected] ?? issue.expected}`;
    case "invalid_union":
      return "must be text or a list of texts (e.g. 健康づくり課, or [福祉課, 伊万里福祉会])";
    default:
      return issue.message;
  }
}

/** What a parsed YAML document holds at a path. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = data;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
