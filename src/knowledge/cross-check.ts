// Checks that span entries and files: duplicate ids, unknown municipalities, unknown source documents.
import type { Faq, Municipality, Program } from "./schema.js";
import type { Problem } from "./problems.js";

export interface Located<T> {
  value: T;
  /** The file as shown to staff (relative to the working directory). */
  file: string;
  /** The absolute path of the file. */
  path?: string;
  line: number | undefined;
}

export function crossCheck(
  municipalities: Located<Municipality>[],
  programs: Located<Program>[],
  faqs: Located<Faq>[],
): Problem[] {
  const problems: Problem[] = [];
  const byName = new Map(municipalities.map((m) => [m.value.name, m.value]));
  const at = (e: Located<{ id: string }>, field: string, message: string): Problem => ({
    file: e.file,
    line: e.line,
    entry: e.value.id,
    field,
    message,
  });

  for (const dup of duplicates(programs))
    problems.push(at(dup.entry, "id", `duplicate id (first used at ${dup.first.file}:${dup.first.line ?? "?"})`));
  for (const dup of duplicates(faqs))
    problems.push(at(dup.entry, "id", `duplicate id (first used at ${dup.first.file}:${dup.first.line ?? "?"})`));

  for (const p of programs) {
    const city = byName.get(p.value.municipality);
    if (!city) {
      problems.push(
        at(
          p,
          "municipality",
          `unknown municipality "${p.value.municipality}" (known: ${[...byName.keys()].join(", ") || "none"})`,
        ),
      );
      continue;
    }
    if (!city.sources.some((s) => s.id === p.value.source.document)) {
      problems.push(
        at(
          p,
          "source.document",
          `unknown source document "${p.value.source.document}" for ${city.name} (known: ${city.sources.map((s) => s.id).join(", ")})`,
        ),
      );
    }
  }
  for (const f of faqs) {
    const m = f.value.municipality;
    if (m !== undefined && byName.size > 0 && !byName.has(m)) {
      problems.push(at(f, "municipality", `unknown municipality "${m}" (known: ${[...byName.keys()].join(", ")})`));
    }
  }
  return problems;
}

function duplicates<T extends { id: string }>(entries: Located<T>[]): { entry: Located<T>; first: Located<T> }[] {
  const seen = new Map<string, Located<T>>();
  const out: { entry: Located<T>; first: Located<T> }[] = [];
  for (const e of entries) {
    const first = seen.get(e.value.id);
    if (first) out.push({ entry: e, first });
    else seen.set(e.value.id, e);
  }
  return out;
}
