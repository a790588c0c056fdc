// How a source says a program is not simply running, and the status that reading gives. Shared by the
// importer (which drafts `status` from a table's 予算 cell) and the fidelity check (which asks for it
// wherever a program's row says so), so the two read the same words.
import type { ProgramStatus } from "./schema.js";

/** Phrases by which a source says a program is not simply running. */
export const STATUS_PHRASES = /予算ゼロ|事業見直し|廃止|休止|事業終了|事業中止/u;

/** The status a text states, the later development first (予算ゼロ, then 事業見直し → 見直し中). */
export function statusStated(text: string): ProgramStatus["value"] | undefined {
  if (/事業見直し|休止/u.test(text)) return "見直し中";
  if (/廃止|事業終了|事業中止/u.test(text)) return "終了";
  if (/予算ゼロ/u.test(text)) return "予算ゼロ";
  return undefined;
}
