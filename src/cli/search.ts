// `madoguchi search`: finds programs and FAQ entries for a question.
//   madoguchi search 学童保育に入りたい --municipality 伊万里市       a readable list
//   madoguchi search --json "..."                                      one JSON object
//   madoguchi search --batch < questions.jsonl                          JSON lines in and out (search-batch-protocol.ts)
//   madoguchi search --explain "..."                                    the terms the question became
import { createInterface } from "node:readline";
import type { CliIo, Command } from "./command.js";
import { UsageError } from "./command.js";
import { parseCommandArgs } from "./args.js";
import { resolveKnowledgeDir } from "../config/server-config.js";
import type { SearchIndex, SearchResponse } from "../search/search-index.js";
import { openSearch } from "../search/open-search.js";
import { defaultCacheDir } from "../knowledge/cache/cache-dir.js";
import { parseBatchLine, batchAnswer, batchError } from "./search-batch-protocol.js";

const OPTIONS = {
  json: { type: "boolean" },
  batch: { type: "boolean" },
  explain: { type: "boolean" },
  top: { type: "string" },
  municipality: { type: "string" },
  knowledge: { type: "string" },
} as const;

export const searchCommand: Command = {
  summary: "find the programs and FAQ entries for a question (--batch: JSON lines in and out)",
  usage:
    "madoguchi search [--json] [--batch] [--explain] [--top K] [--municipality NAME] [--knowledge DIR] [QUESTION...]",
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS, true);
    const top = values.top === undefined ? 5 : Number(values.top);
    if (!Number.isInteger(top) || top < 1)
      throw new UsageError(`--top must be a positive whole number (got "${values.top}")`);
    const question = positionals.join(" ").trim();
    if (!values.batch && question === "")
      throw new UsageError("give a question, or --batch to read JSON lines from standard input");
    const { index } = await openSearch({
      knowledgeDir: resolveKnowledgeDir(values.knowledge, io.env),
      cacheDir: defaultCacheDir(io.env),
    });
    const scope = values.municipality;
    if (scope !== undefined && !index.resolveMunicipality(scope)) {
      io.stderr.write(`madoguchi search: unknown municipality "${scope}" in this knowledge\n`);
      return 2;
    }
    if (values.batch) return runBatch(index, io, { top, municipality: scope });
    if (values.explain) {
      io.stdout.write(`${JSON.stringify(index.explain(question), null, 2)}\n`);
      return 0;
    }
    const response = index.search(question, { top, municipality: scope });
    io.stdout.write(
      values.json ? `${JSON.stringify({ q: question, ...response })}\n` : readable(question, scope, response),
    );
    return 0;
  },
};

async function runBatch(
  index: SearchIndex,
  io: CliIo,
  defaults: { top: number; municipality?: string },
): Promise<number> {
  let failed = 0;
  const out: string[] = [];
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    if (line.trim() === "") continue;
    const query = parseBatchLine(line);
    if ("error" in query) {
      failed++;
      out.push(batchError(query.error));
      continue;
    }
    const municipality = query.municipality === undefined ? defaults.municipality : query.municipality;
    out.push(batchAnswer(query.q, index.search(query.q, { top: defaults.top, municipality })));
    if (out.length >= 200) io.stdout.write(`${out.splice(0).join("\n")}\n`);
  }
  if (out.length > 0) io.stdout.write(`${out.join("\n")}\n`);
  if (failed > 0)
    io.stderr.write(
      `madoguchi search: ${failed} input line(s) were not {"q": "..."} objects (answered with "error")\n`,
    );
  return failed > 0 ? 1 : 0;
}

function readable(question: string, scope: string | undefined, response: SearchResponse): string {
  const head = `「${question}」${scope ? ` (${scope})` : ""}\n`;
  if (response.noMatch) return `${head}  見つかりませんでした (no entry fits)\n`;
  const lines = response.results.map(
    (r, i) => `  ${i + 1}. ${r.name}  [${r.municipality ?? "-"}]  ${r.type}:${r.id}  ${r.score}`,
  );
  return `${head}${lines.join("\n")}\n`;
}
