// Loads a knowledge directory: municipalities.yaml, program files (programs/**/*.yaml), FAQ files
// (faq/**/*.yaml) and FAQ CSV files anywhere in the tree. Returns every problem found, never a partial
// knowledge base: a caller either gets all the knowledge or a list of what to fix.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { FaqFile, MunicipalitiesFile, ProgramsFile, type Faq, type Municipality, type Program } from "./schema.js";
import { readYamlList } from "./yaml-file.js";
import { readFaqCsv } from "./faq-csv.js";
import { KnowledgeBase } from "./knowledge-base.js";
import { crossCheck, type Located } from "./cross-check.js";
import { KnowledgeError, type Problem } from "./problems.js";

/** Files at the top of a knowledge directory that are not programs or FAQ entries. */
const RESERVED = new Set(["municipalities.yaml", "synonyms.yaml", "synonym-proposals.yaml"]);
const SKIPPED_DIRS = new Set(["sources", "node_modules", ".git"]);

export interface LoadOutcome {
  knowledge?: KnowledgeBase;
  problems: Problem[];
}

export async function loadKnowledge(dir: string): Promise<LoadOutcome> {
  const files = await listFiles(dir);
  const problems: Problem[] = [];
  const hash = createHash("sha256");
  const municipalities: Located<Municipality>[] = [];
  const programs: Located<Program>[] = [];
  const faqs: Located<Faq>[] = [];

  for (const file of files) {
    const label = relative(process.cwd(), file) || file;
    const rel = relative(dir, file).split(sep).join("/");
    hash.update(rel).update(await readFile(file));
    if (rel === "municipalities.yaml") {
      const r = await readYamlList(file, label, MunicipalitiesFile);
      problems.push(...r.problems);
      r.entries.forEach((m, i) => municipalities.push({ value: m, file: label, line: r.lines[i] }));
    } else if (RESERVED.has(rel)) {
      continue; // validated by their own modules (search synonyms, review proposals)
    } else if (rel.endsWith(".csv")) {
      const r = await readFaqCsv(file, label);
      problems.push(...r.problems);
      r.entries.forEach((f, i) => faqs.push({ value: f, file: label, line: r.lines[i] }));
    } else {
      const isFaq = rel.startsWith("faq/");
      const r = isFaq ? await readYamlList(file, label, FaqFile) : await readYamlList(file, label, ProgramsFile);
      problems.push(...r.problems);
      const into = (isFaq ? faqs : programs) as Located<Faq | Program>[];
      r.entries.forEach((e, i) => into.push({ value: e, file: label, line: r.lines[i] }));
    }
  }
  problems.push(...crossCheck(municipalities, programs, faqs));
  if (problems.length > 0) return { problems };
  const knowledge = new KnowledgeBase({
    dir,
    municipalities: municipalities.map((m) => m.value),
    programs: programs.map((p) => p.value),
    faqs: faqs.map((f) => f.value),
    version: hash.digest("hex").slice(0, 12),
    loadedAt: new Date(),
  });
  return { knowledge, problems };
}

/** Loads or throws a KnowledgeError naming every problem (for start-up, where nothing partial will do). */
export async function loadKnowledgeOrThrow(dir: string): Promise<KnowledgeBase> {
  const { knowledge, problems } = await loadKnowledge(dir);
  if (!knowledge) throw new KnowledgeError(problems);
  return knowledge;
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith(".")) out.push(...(await listFiles(path)));
    } else if (/\.(ya?ml|csv)$/i.test(entry.name)) {
      out.push(path);
    }
  }
  return out.sort();
}
