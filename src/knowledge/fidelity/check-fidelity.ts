// Runs programFidelity over a loaded knowledge base, reading each cited source document once, and
// reports problems with the file and line of the offending field (for `madoguchi check`).
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { KnowledgeBase } from "../knowledge-base.js";
import type { Problem } from "../problems.js";
import type { Program } from "../schema.js";
import { yamlFieldLocator } from "../yaml-file.js";
import { matchForm } from "./match-text.js";
import { programFidelity } from "./program-fidelity.js";

/** Source texts in match form, by "<municipality>/<document id>"; an Error when the file is unreadable. */
export async function readSources(kb: KnowledgeBase): Promise<Map<string, string | Error>> {
  const texts = new Map<string, string | Error>();
  for (const m of kb.municipalities) {
    for (const doc of m.sources) {
      const text = await readFile(resolve(kb.dir, doc.file), "utf8").then(matchForm, (e: Error) => e);
      texts.set(`${m.name}/${doc.id}`, text);
    }
  }
  return texts;
}

export async function checkFidelity(kb: KnowledgeBase): Promise<Problem[]> {
  const sources = await readSources(kb);
  const problems: Problem[] = [];
  const locators = new Map<string, Awaited<ReturnType<typeof yamlFieldLocator>>>();
  for (const program of kb.programs) {
    const origin = kb.origin(program.id);
    const source = sources.get(sourceKey(program));
    const issues =
      source instanceof Error || source === undefined
        ? [
            {
              field: "source.document",
              message: `cannot read the source text ${kb.sourceOf(program).file}: ${source?.message ?? "not listed"}`,
            },
          ]
        : programFidelity(program, source);
    if (issues.length === 0) continue;
    const locate = origin ? (locators.get(origin.path) ?? (await yamlFieldLocator(origin.path))) : () => undefined;
    if (origin) locators.set(origin.path, locate);
    for (const i of issues) {
      problems.push({
        file: origin?.file ?? "(in memory)",
        line: locate(program.id, i.field) ?? origin?.line,
        entry: program.id,
        field: i.field,
        message: i.message,
      });
    }
  }
  return problems;
}

export function sourceKey(program: Program): string {
  return `${program.municipality}/${program.source.document}`;
}
