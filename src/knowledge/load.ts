// Loads a knowledge directory: municipalities.yaml, program files (programs/**/*.yaml), FAQ files
// (faq/**/*.yaml) and FAQ CSV files anywhere in the tree. Returns every problem found, never a partial
// knowledge base: a caller either gets all the knowledge or a list of what to fix.
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { FaqFile, MunicipalitiesFile, ProgramsFile, type Faq, type Municipality, type Program } from "./schema.js";
import { readYamlList, yamlFieldLocator, type ParsedList } from "./yaml-file.js";
import { readSynonymsFile } from "./synonyms-schema.js";
import { readFaqCsv } from "./faq-csv.js";
import { KnowledgeBase } from "./knowledge-base.js";
import { crossCheck, type Located } from "./cross-check.js";
import { KnowledgeError, type Problem } from "./problems.js";
import { StaffFactsFile, type StaffFact } from "./staff/staff-fact.js";
import { checkStaffEntries, STAFF_DRAFTS_DIR } from "./staff/staff-check.js";
import { readStaffSettings, STAFF_SETTINGS_FILE, type StaffSettings } from "./staff/staff-settings.js";

/** The synonym proposals staff record from Slack; reviewed by people, not loaded as knowledge. */
export const REVIEW_FILE = "synonym-proposals.yaml";

/** Files at the top of a knowledge directory that are not programs or FAQ entries. */
const RESERVED = new Set(["municipalities.yaml", "synonyms.yaml", REVIEW_FILE]);
const SKIPPED_DIRS = new Set(["sources", "node_modules", ".git"]);

export interface LoadOutcome {
  knowledge?: KnowledgeBase;
  problems: Problem[];
}

/** What the files of a directory hold, each entry with the file and line it came from. */
interface Collected {
  municipalities: Located<Municipality>[];
  programs: Located<Program>[];
  faqs: Located<Faq>[];
  /** Program facts confirmed by staff (knowledge/staff/facts/). */
  facts: Located<StaffFact>[];
  settings?: StaffSettings;
  /** FAQ entries from CSV files, whose 地方公共団体名 may be written "佐賀県伊万里市". */
  csvFaqs: Set<Located<Faq>>;
  problems: Problem[];
}

export async function loadKnowledge(dir: string): Promise<LoadOutcome> {
  const missing = await missingDirectory(dir);
  if (missing) return { problems: [missing] };
  const files = (await listFiles(dir)).filter((f) => !isDraft(dir, f));
  const hash = createHash("sha256");
  const c: Collected = { municipalities: [], programs: [], faqs: [], facts: [], csvFaqs: new Set(), problems: [] };
  for (const file of files) {
    const rel = relative(dir, file).split(sep).join("/");
    // Staff proposals under review change nothing the bot says: they do not change the version.
    if (rel !== REVIEW_FILE) hash.update(rel).update(await readFile(file));
    await collectFile(file, rel, c);
  }
  for (const f of c.csvFaqs)
    f.value = { ...f.value, municipality: resolveCsvMunicipality(f.value.municipality, c.municipalities) };
  const problems = [
    ...c.problems,
    ...(await atFieldLines(crossCheck(c.municipalities, c.programs, c.faqs), c)),
    ...checkStaffEntries(c.programs, c.faqs, c.facts),
  ];
  if (problems.length > 0) return { problems };
  const knowledge = new KnowledgeBase({
    dir,
    municipalities: c.municipalities.map((m) => m.value),
    programs: c.programs.map((p) => p.value),
    faqs: c.faqs.map((f) => f.value),
    staffFacts: c.facts.map((f) => f.value),
    ...(c.settings ? { staffSettings: c.settings } : {}),
    version: hash.digest("hex").slice(0, 12),
    loadedAt: new Date(),
    origins: new Map(
      [...c.programs, ...c.faqs].map((e) => [e.value.id, { file: e.file, path: e.path ?? e.file, line: e.line }]),
    ),
  });
  return { knowledge, problems };
}

/** Loads or throws a KnowledgeError naming every problem (for start-up, where nothing partial will do). */
export async function loadKnowledgeOrThrow(dir: string): Promise<KnowledgeBase> {
  const { knowledge, problems } = await loadKnowledge(dir);
  if (!knowledge) throw new KnowledgeError(problems);
  return knowledge;
}

async function collectFile(file: string, rel: string, c: Collected): Promise<void> {
  const label = relative(process.cwd(), file) || file;
  const keep = <T>(r: ParsedList<T>, into: Located<T>[]): Located<T>[] => {
    c.problems.push(...r.problems);
    const located = r.entries.map((value, i) => ({ value, file: label, path: file, line: r.lines[i] }));
    into.push(...located);
    return located;
  };
  if (rel === "municipalities.yaml") keep(await readYamlList(file, label, MunicipalitiesFile), c.municipalities);
  else if (rel === "synonyms.yaml") c.problems.push(...(await readSynonymsFile(file, label)).problems);
  else if (RESERVED.has(rel))
    return; // validated by their own modules (review proposals)
  else if (/\.csv$/i.test(rel)) keep(await readFaqCsv(file, label, rel), c.faqs).forEach((f) => c.csvFaqs.add(f));
  else if (rel.startsWith("faq/") || rel.startsWith("staff/faq/"))
    keep(await readYamlList(file, label, FaqFile), c.faqs);
  else if (rel.startsWith("staff/facts/")) keep(await readYamlList(file, label, StaffFactsFile), c.facts);
  else if (rel === STAFF_SETTINGS_FILE) {
    const { settings, problems } = await readStaffSettings(file, label);
    c.settings = settings;
    c.problems.push(...problems);
  } else if (rel.startsWith("staff/"))
    return; // drafts and the audit trail: not knowledge until approved
  else keep(await readYamlList(file, label, ProgramsFile), c.programs);
}

/**
 * Open-data FAQ files write 地方公共団体名 with the prefecture ("佐賀県伊万里市") or without 市 ("伊万里");
 * the knowledge uses the municipality's own full name. Unknown names are kept, for crossCheck to report.
 */
function resolveCsvMunicipality(value: string | undefined, known: Located<Municipality>[]): string | undefined {
  if (value === undefined) return undefined;
  const v = value.normalize("NFKC").replace(/\s+/g, "");
  const hit = known.find(
    ({ value: m }) => v === m.name || v === `${m.prefecture}${m.name}` || v === m.name.replace(/[市町村区]$/, ""),
  );
  return hit?.value.name ?? value;
}

/** Points cross-entry problems (unknown municipality, source document) at their field's line. */
async function atFieldLines(problems: Problem[], c: Collected): Promise<Problem[]> {
  const paths = new Map([...c.programs, ...c.faqs].map((e) => [e.file, e.path ?? e.file]));
  return Promise.all(
    problems.map(async (p) => {
      const path = paths.get(p.file);
      // Not ids: two entries of one file may share the id, and the entry line is the id line anyway.
      if (!path || !p.entry || !p.field || p.field === "id" || !/\.ya?ml$/i.test(path)) return p;
      const line = (await yamlFieldLocator(path))(p.entry, p.field);
      return { ...p, line: line ?? p.line };
    }),
  );
}

/** Drafts wait for a second member of staff: never served, and they do not change the version. */
function isDraft(dir: string, file: string): boolean {
  return relative(dir, file).split(sep).join("/").startsWith(`${STAFF_DRAFTS_DIR}/`);
}

async function missingDirectory(dir: string): Promise<Problem | undefined> {
  const info = await stat(dir).catch(() => undefined);
  if (info?.isDirectory()) return undefined;
  return {
    file: dir,
    message: info ? "is not a directory (--knowledge needs the knowledge directory)" : "knowledge directory not found",
  };
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
