// `madoguchi converse --json`: JSON lines in and out (see channels/terminal/converse-lines.ts for the format).
import type { Command } from "./command.js";
import { UsageError } from "./command.js";
import { parseCommandArgs } from "./args.js";
import { BUNDLED_INTENTS, BUNDLED_SYNONYMS, resolveKnowledgeDir } from "../config/server-config.js";
import { createCliEngine } from "../channels/terminal/cli-engine.js";
import { defaultCacheDir } from "../knowledge/cache/cache-dir.js";
import { converseLines } from "../channels/terminal/converse-lines.js";

export const converseCommand: Command = {
  summary: "answer conversations as JSON lines ({user,text,municipality} in, {user,text,programs} out)",
  usage: "madoguchi converse --json [--knowledge DIR] [--intents DIR] < turns.jsonl",
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      json: { type: "boolean" },
      knowledge: { type: "string" },
      intents: { type: "string" },
    });
    if (!values.json)
      throw new UsageError(
        "only --json is supported: one JSON object per line in and out (use `madoguchi chat` to talk)",
      );
    const { engine } = await createCliEngine({
      knowledgeDir: resolveKnowledgeDir(values.knowledge, io.env),
      intentsDir: values.intents ?? BUNDLED_INTENTS,
      bundledSynonyms: BUNDLED_SYNONYMS,
      cacheDir: defaultCacheDir(io.env),
    });
    const bad = await converseLines(engine, io.stdin, (line) => io.stdout.write(`${line}\n`));
    if (bad > 0) io.stderr.write(`madoguchi converse: ${bad} line(s) could not be answered (answered with "error")\n`);
    return bad > 0 ? 1 : 0;
  },
};
