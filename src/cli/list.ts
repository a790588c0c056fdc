// `madoguchi list`: the whole knowledge base, as canonical JSON (--json) or one line per entry.
import type { Command } from "./command.js";
import { parseCommandArgs } from "./args.js";
import { resolveKnowledgeDir } from "../config/server-config.js";
import { loadKnowledge } from "../knowledge/load.js";
import { canonicalEntries } from "../knowledge/canonical.js";
import { formatProblem } from "../knowledge/problems.js";

export const listCommand: Command = {
  summary: "print every program and FAQ entry (--json: canonical JSON array)",
  usage: "madoguchi list [--json] [--knowledge DIR]",
  async run(args, io) {
    const { values } = parseCommandArgs(args, { json: { type: "boolean" }, knowledge: { type: "string" } });
    const dir = resolveKnowledgeDir(values.knowledge, io.env);
    const { knowledge, problems } = await loadKnowledge(dir);
    if (!knowledge) {
      for (const p of problems) io.stderr.write(`${formatProblem(p)}\n`);
      io.stderr.write(`${problems.length} problem(s) found in ${dir}: nothing listed (run madoguchi check)\n`);
      return 1;
    }
    const entries = canonicalEntries(knowledge);
    if (values.json) {
      io.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
    } else {
      for (const e of entries) io.stdout.write(`${e.type}\t${e.id}\t${e.municipality ?? "-"}\t${e.name}\n`);
    }
    return 0;
  },
};
