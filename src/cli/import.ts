// `madoguchi import`: turns what municipal staff have into knowledge files to review.
//   programs: a program table exported from Excel (TSV/CSV) → a draft programs YAML file;
//   faq:      an FAQ CSV (UTF-8 or Shift_JIS) → FAQ YAML, or the same CSV re-encoded as UTF-8.
import { readFile, writeFile, access, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { join } from "node:path";
import type { CliIo, Command } from "./command.js";
import { UsageError } from "./command.js";
import { parseCommandArgs } from "./args.js";
import { resolveKnowledgeDir } from "../config/server-config.js";
import { decodeTableBytes } from "../knowledge/table-text.js";
import { importProgramTable, TableImportError, type TableImport } from "../knowledge/import/program-table.js";
import { importFaqCsv } from "../knowledge/import/faq-import.js";
import { draftYaml } from "../knowledge/import/draft-yaml.js";
import { romajiWords } from "../knowledge/import/program-id.js";
import { formatProblem } from "../knowledge/problems.js";
import { readYamlList } from "../knowledge/yaml-file.js";
import { MunicipalitiesFile, type Municipality } from "../knowledge/schema.js";
import { loadKnowledge } from "../knowledge/load.js";
import { createJapaneseTokenizer } from "../text/tokenizer.js";

const USAGE = `madoguchi import programs FILE --municipality NAME --document ID [options]
      a program table (TSV/CSV exported from Excel; header row with 事業名 or 事務事業名 and
      担当課 / 事業主体, 事業概要 / 事業内容, KPI, 単位, 事務事業番号, 期間 …) → a draft programs YAML
      --municipality NAME  the municipality's full name (伊万里市), as in municipalities.yaml
      --document ID        the source document's id in municipalities.yaml (where the table comes from)
      --table NAME         the table's name in that document, for source.place (default: FILE's name)
      --department TEXT    department for rows without one (default: the municipality)
      --id-prefix PREFIX   start of the ids (default: the municipality's slug)
  madoguchi import faq FILE [--municipality NAME] [--id-prefix PREFIX]
      an FAQ CSV (UTF-8 or Shift_JIS; header with 質問 and 回答, optional ID, 分類, 担当課 / 所管部署, URL,
      地方公共団体名) → FAQ YAML; with --out X.csv, the CSV itself re-encoded as UTF-8 (loads as it is)
  both: --out FILE (default: print to stdout; an existing file is kept unless --force)
        --knowledge DIR (the knowledge the draft is for: its slugs and ids)`;

export const importCommand: Command = {
  summary: "turn a program table (TSV/CSV) or an FAQ CSV into knowledge files to review",
  usage: USAGE,
  async run(args, io) {
    const [kind, ...rest] = args;
    if (kind === "programs") return importPrograms(rest, io);
    if (kind === "faq") return importFaq(rest, io);
    throw new UsageError(kind ? `unknown kind "${kind}" (programs or faq)` : "say what to import: programs or faq");
  },
};

const COMMON = {
  out: { type: "string" },
  force: { type: "boolean" },
  knowledge: { type: "string" },
  municipality: { type: "string" },
  "id-prefix": { type: "string" },
} as const;

async function importPrograms(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { ...COMMON, document: { type: "string" }, table: { type: "string" }, department: { type: "string" } },
    true,
  );
  const file = onlyFile(positionals);
  const { municipality, document } = values;
  if (!municipality || !document) throw new UsageError("--municipality and --document are required for programs");
  const text = await readInput(file, io);
  if (text === undefined) return 1;
  const dir = resolveKnowledgeDir(values.knowledge, io.env);
  const known = await knownMunicipality(dir, municipality, document, io);
  const tokenizer = await createJapaneseTokenizer();
  const idPrefix =
    values["id-prefix"] ??
    known?.slug ??
    (romajiWords(municipality.replace(/[市町村区]$/, ""), tokenizer).join("") || "program");
  const takenIds = new Set((await loadKnowledge(dir)).knowledge?.programs.map((p) => p.id) ?? []);
  const options = { municipality, document, table: values.table, idPrefix, department: values.department, takenIds };
  const drafted = draftOrReport(() => importProgramTable(text, file, options, tokenizer), io);
  if (!drafted) return 1;
  const header = [
    `Draft imported by \`madoguchi import programs\` from ${file}: review every entry before use.`,
    "Compare name, department and summary with the source (source.place gives the row); add audiences,",
    "categories, eligibility and benefits only where the source states them; then run `madoguchi check`.",
    ...drafted.notes,
  ];
  if (!(await emit(draftYaml(drafted.programs, header), values.out, values.force, io))) return 1;
  io.stderr.write(
    `${drafted.programs.length} program(s) drafted from ${file}${values.out ? ` into ${values.out}` : ""}\n`,
  );
  return 0;
}

/** Runs the table import; a table that cannot be read is reported in one line (undefined), not thrown. */
function draftOrReport(draft: () => TableImport, io: CliIo): TableImport | undefined {
  try {
    return draft();
  } catch (e) {
    if (!(e instanceof TableImportError || (e as Error).name === "CsvError")) throw e;
    io.stderr.write(`madoguchi import: ${(e as Error).message}\n`);
    return undefined;
  }
}

/** The file's text (UTF-8 or Shift_JIS), or undefined after saying why it cannot be read. */
async function readInput(file: string, io: CliIo): Promise<string | undefined> {
  try {
    return decodeTableBytes(await readFile(file));
  } catch (e) {
    io.stderr.write(
      `madoguchi import: cannot read ${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}\n`,
    );
    return undefined;
  }
}

async function importFaq(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, COMMON, true);
  const file = onlyFile(positionals);
  const text = await readInput(file, io);
  if (text === undefined) return 1;
  const { entries, problems } = importFaqCsv(text, file, {
    municipality: values.municipality,
    idPrefix: values["id-prefix"],
  });
  if (problems.length > 0) {
    for (const p of problems) io.stderr.write(`${formatProblem(p)}\n`);
    io.stderr.write(`${problems.length} problem(s) in ${file}: nothing written\n`);
    return 1;
  }
  const asCsv = values.out !== undefined && /\.csv$/i.test(values.out);
  if (asCsv && (values.municipality || values["id-prefix"]))
    throw new UsageError("--municipality and --id-prefix apply to YAML output; a CSV is copied as it is");
  const body = asCsv ? text : draftYaml(entries, [`FAQ entries imported by \`madoguchi import faq\` from ${file}.`]);
  if (!(await emit(body, values.out, values.force, io))) return 1;
  io.stderr.write(
    `${entries.length} FAQ entr${entries.length === 1 ? "y" : "ies"} read from ${file}${values.out ? ` into ${values.out}` : ""}\n`,
  );
  return 0;
}

function onlyFile(positionals: string[]): string {
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError("give exactly one FILE to import");
  return positionals[0];
}

/** The municipality as municipalities.yaml describes it; a note when it or the document is not there yet. */
async function knownMunicipality(
  dir: string,
  name: string,
  document: string,
  io: CliIo,
): Promise<Municipality | undefined> {
  const file = join(dir, "municipalities.yaml");
  const listed = await access(file).then(
    () => readYamlList(file, file, MunicipalitiesFile),
    () => undefined,
  );
  const m = listed?.entries.find((e) => e.name === name);
  if (!m)
    io.stderr.write(
      `note: ${name} is not in ${file} yet: add it (with document ${document}) before \`madoguchi check\`\n`,
    );
  else if (!m.sources.some((s) => s.id === document))
    io.stderr.write(
      `note: ${name} has no source document "${document}" in ${file} yet: add it before \`madoguchi check\`\n`,
    );
  return m;
}

/** Prints or writes the result; false (and nothing written) when --out names an existing file without --force. */
async function emit(text: string, out: string | undefined, force: boolean | undefined, io: CliIo): Promise<boolean> {
  if (out === undefined) {
    io.stdout.write(text);
    return true;
  }
  const exists = await access(out).then(
    () => true,
    () => false,
  );
  if (exists && !force) {
    io.stderr.write(
      `madoguchi import: ${out} exists and was left as it is: choose another --out, or add --force to replace it\n`,
    );
    return false;
  }
  // knowledge/faq/ does not exist on a fresh clone: the folders of --out are made as needed
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, text, "utf8");
  return true;
}
