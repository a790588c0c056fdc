// `madoguchi chat`: talk to the bot in the terminal.
import type { Command } from "./command.js";
import { parseCommandArgs } from "./args.js";
import { BUNDLED_INTENTS, BUNDLED_SYNONYMS, resolveKnowledgeDir } from "../config/server-config.js";
import { createCliEngine } from "../channels/terminal/cli-engine.js";
import { defaultCacheDir } from "../knowledge/cache/cache-dir.js";
import { runChat } from "../channels/terminal/chat-session.js";

export const chatCommand: Command = {
  summary: "talk to the bot in the terminal (free text; type a suggestion's label to press it)",
  usage: "madoguchi chat [--municipality NAME] [--knowledge DIR] [--intents DIR]",
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      municipality: { type: "string" },
      knowledge: { type: "string" },
      intents: { type: "string" },
    });
    const { engine, knowledge } = await createCliEngine({
      knowledgeDir: resolveKnowledgeDir(values.knowledge, io.env),
      intentsDir: values.intents ?? BUNDLED_INTENTS,
      bundledSynonyms: BUNDLED_SYNONYMS,
      cacheDir: defaultCacheDir(io.env),
    });
    const municipality =
      values.municipality === undefined ? null : (knowledge.resolveMunicipality(values.municipality) ?? null);
    if (values.municipality !== undefined && !municipality) {
      io.stderr.write(`madoguchi chat: unknown municipality "${values.municipality}" in this knowledge\n`);
      return 2;
    }
    const interactive = (io.stdin as NodeJS.ReadStream).isTTY === true;
    await runChat(engine, { municipality, input: io.stdin, write: (t) => io.stdout.write(t), prompt: interactive });
    return 0;
  },
};
