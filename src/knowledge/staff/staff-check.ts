// Checks on what staff add, across files: an FAQ under knowledge/staff/faq/ must say who gave it, a
// fact must name a program that exists, and one program has at most one fact per field.
import type { Located } from "../cross-check.js";
import type { Problem } from "../problems.js";
import type { Faq, Program } from "../schema.js";
import type { StaffFact } from "./staff-fact.js";

/** Where drafts wait for review (relative to the knowledge directory): never loaded, never served. */
export const STAFF_DRAFTS_DIR = "staff/drafts";
export const STAFF_FAQ_DIR = "staff/faq";
export const STAFF_FACTS_DIR = "staff/facts";

export function checkStaffEntries(
  programs: Located<Program>[],
  faqs: Located<Faq>[],
  facts: Located<StaffFact>[],
): Problem[] {
  const problems: Problem[] = [];
  const at = (e: Located<{ id: string }>, field: string, message: string): Problem => ({
    file: e.file,
    line: e.line,
    entry: e.value.id,
    field,
    message,
  });
  for (const f of faqs) {
    if (isStaffFile(f, STAFF_FAQ_DIR) && f.value.source?.kind !== "staff")
      problems.push(at(f, "source", "an answer under staff/faq/ needs source: {kind: staff, by, department, date}"));
  }
  const ids = new Set(programs.map((p) => p.value.id));
  const seen = new Map<string, Located<StaffFact>>();
  for (const f of facts) {
    if (!ids.has(f.value.program)) problems.push(at(f, "program", `unknown program "${f.value.program}"`));
    const key = `${f.value.program}/${f.value.field}`;
    const first = seen.get(key);
    if (first)
      problems.push(
        at(
          f,
          "field",
          `a second ${f.value.field} fact for ${f.value.program} (first at ${first.file}:${first.line ?? "?"}): one fact per field`,
        ),
      );
    else seen.set(key, f);
  }
  return problems;
}

function isStaffFile(e: Located<unknown>, dir: string): boolean {
  return (e.path ?? e.file).split(/[\\/]/).join("/").includes(`/${dir}/`);
}
