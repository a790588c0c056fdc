// Every question of the project's question sets, for tests that must hold on all of them (the saved index,
// the pruned scorer): each JSON-lines file under a directory, its rows' "q" or each of their "turns".
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");
export const FIXTURES = join(ROOT, "test", "fixtures");
/** A city FAQ the project has (the shared one is not in a user's clone). */
export const FAQ_TOWN = join(FIXTURES, "heldout", "faq-town");

export interface Question {
  q: string;
  municipality: string | null;
}

/** The questions of every .jsonl file under `under`, by path relative to `root`. */
export function questionSets(under: string, root: string = under): Map<string, Question[]> {
  const sets = new Map<string, Question[]>();
  const visit = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) visit(path);
      else if (e.name.endsWith(".jsonl")) {
        const rows = readFileSync(path, "utf8")
          .split("\n")
          .filter((l) => l.trim())
          .map((l) => JSON.parse(l) as { q?: string; turns?: string[]; municipality?: string | null });
        sets.set(
          relative(root, path),
          rows.flatMap((r) =>
            [...(r.q ? [r.q] : []), ...(r.turns ?? [])].map((q) => ({ q, municipality: r.municipality ?? null })),
          ),
        );
      }
    }
  };
  visit(under);
  return sets;
}
