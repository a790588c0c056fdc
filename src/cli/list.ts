// `madoguchi list`: the whole knowledge base, as canonical JSON (--json) or one line per entry.
import type { Command } from "./command.js";
import { parseCommandArgs } from "./args.js";
import { knowledgeDir } from "./paths.js";
import { loadKnowledgeOrThrow } from "../knowledge/load.js";
import { canonicalEntries } from "../knowledge/canonical.js";

export const listCommand: Command = {
  summary: "print every program and FAQ entry (--json: canonical JSON array)",
  usage: "madoguchi list [--json] [--knowledge DIR]",
  async run(args, io) {
    const { values } = parseCommandArgs(args, { json: { type: "boolean" }, knowledge: { type: "string" } });
    const kb = await loadKnowledgeOrThrow(knowledgeDir(values.knowledge, io.env));
    const entries = canonicalEntries(kb);
    if (values.json) {
      io.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
    } else {
      for (const e of entries) io.stdout.write(`${e.type}\t${e.id}\t${e.municipality ?? "-"}\t${e.name}\n`);
    }
    return 0;
  },
};
