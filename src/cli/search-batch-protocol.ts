// The JSON-lines batch protocol of `madoguchi search --batch` (../shared/eval/README.md):
//   in:  {"q": "...", "municipality": "伊万里市" | null}      one object per line
//   out: {"q": "...", "noMatch": false, "results": [{type, id, municipality, name, score, confidence, matched}, ...], "unmatched": [...]}
// A line that is not such an object answers {"q": null, "error": "..."} in its place, so output line N
// always answers input line N.
import type { SearchResponse } from "../search/search-index.js";

export interface BatchQuery {
  q: string;
  /** Absent: the command's --municipality; null: every municipality. */
  municipality?: string | null;
}

export function parseBatchLine(line: string): BatchQuery | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { error: `not JSON: ${(e as Error).message}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { error: 'expected an object like {"q": "..."}' };
  const { q, municipality } = value as Record<string, unknown>;
  if (typeof q !== "string") return { error: '"q" must be a string' };
  if (municipality !== undefined && municipality !== null && typeof municipality !== "string")
    return { error: '"municipality" must be a string or null' };
  return { q, municipality: municipality as string | null | undefined };
}

export function batchAnswer(q: string, response: SearchResponse): string {
  return JSON.stringify({ q, noMatch: response.noMatch, results: response.results, unmatched: response.unmatched });
}

export function batchError(error: string): string {
  return JSON.stringify({ q: null, error });
}
