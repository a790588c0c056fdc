// `madoguchi check`: validates a knowledge directory; one line per problem, exit 1 if any.
import type { Command } from "./command.js";
import { parseCommandArgs } from "./args.js";
import { knowledgeDir } from "./paths.js";
import { loadKnowledge } from "../knowledge/load.js";
import { formatProblem } from "../knowledge/problems.js";

export const checkCommand: Command = {
  summary: "validate the knowledge files (exit 1 with one line per problem)",
  usage: "madoguchi check [--knowledge DIR]",
  async run(args, io) {
    const { values } = parseCommandArgs(args, { knowledge: { type: "string" } });
    const dir = knowledgeDir(values.knowledge, io.env);
    const { knowledge, problems } = await loadKnowledge(dir);
    for (const p of problems) io.stderr.write(`${formatProblem(p)}\n`);
    if (!knowledge) {
      io.stderr.write(`${problems.length} problem(s) found in ${dir}\n`);
      return 1;
    }
    io.stdout.write(`ok: ${knowledge.programs.length} programs, ${knowledge.faqs.length} FAQ entries, ${knowledge.municipalities.length} municipalities (version ${knowledge.version})\n`);
    return 0;
  },
};
