// `madoguchi check`: validates a knowledge directory; one line per problem, exit 1 if any.
// Two passes: the files against the schema and each other (the loader), then every program against the
// source text it cites (names, departments and numbers must occur there; see knowledge/fidelity).
import type { CliIo, Command } from "./command.js";
import { parseCommandArgs } from "./args.js";
import { resolveKnowledgeDir } from "../config/server-config.js";
import { loadKnowledge } from "../knowledge/load.js";
import { formatProblem, type Problem } from "../knowledge/problems.js";
import { checkFidelity } from "../knowledge/fidelity/check-fidelity.js";
import { checkSynonymProposals } from "../knowledge/synonym-proposals.js";
import { defaultCacheDir } from "../knowledge/cache/cache-dir.js";
import { BUNDLED_SYNONYMS } from "../config/server-config.js";
import { openSearch } from "../search/open-search.js";
import { checkDrafts } from "../knowledge/staff/draft-store.js";

export const checkCommand: Command = {
  summary: "validate the knowledge files against the schema and their source texts (exit 1 with one line per problem)",
  usage:
    "madoguchi check [--knowledge DIR] [--no-sources]\n  --no-sources  skip comparing programs with their source documents",
  async run(args, io) {
    const { values } = parseCommandArgs(args, { knowledge: { type: "string" }, "no-sources": { type: "boolean" } });
    const dir = resolveKnowledgeDir(values.knowledge, io.env);
    const { knowledge, problems } = await loadKnowledge(dir);
    const all: Problem[] = knowledge && !values["no-sources"] ? await checkFidelity(knowledge) : problems;
    all.push(...(await checkSynonymProposals(dir))); // knowledge/synonym-proposals.yaml (Slack App Home)
    all.push(...(await checkDrafts(dir))); // knowledge/staff/drafts/ (waiting for a second member of staff)
    for (const p of all) io.stderr.write(`${formatProblem(p)}\n`);
    if (!knowledge || all.length > 0) {
      io.stderr.write(`${all.length} problem(s) found in ${dir}\n`);
      return 1;
    }
    io.stdout.write(
      `ok: ${knowledge.programs.length} programs, ${knowledge.faqs.length} FAQ entries, ${knowledge.municipalities.length} municipalities (version ${knowledge.version})\n`,
    );
    await saveForStart(dir, io);
    return 0;
  },
};

/** Valid knowledge is also snapshotted and indexed into the cache, so the next start reads both (MADOGUCHI_CACHE_DIR). */
async function saveForStart(dir: string, io: CliIo): Promise<void> {
  const cacheDir = defaultCacheDir(io.env);
  if (!cacheDir) return;
  const { indexSource, buildMs } = await openSearch({
    knowledgeDir: dir,
    cacheDir,
    fallbackSynonyms: BUNDLED_SYNONYMS,
  });
  io.stdout.write(
    indexSource === "saved"
      ? `index: up to date in ${cacheDir}\n`
      : `index: built in ${(buildMs / 1000).toFixed(1)} s for the next start (${indexSource} in ${cacheDir})\n`,
  );
}
