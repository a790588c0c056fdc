// `madoguchi serve` (what `npm start` runs): the front-desk page, the JSON API, /healthz, /metrics, and
// LINE and Slack when they are configured. Runs until SIGINT or SIGTERM; SIGHUP reloads the knowledge.
import { resolve } from "node:path";
import type { Command, CliIo } from "./command.js";
import { parseCommandArgs } from "./args.js";
import { ConfigError, readServerConfig } from "../config/server-config.js";
import { startServer, type RunningServer } from "../server/start-server.js";
import { formatProblem, KnowledgeError } from "../knowledge/problems.js";
import { applyHeapGrowth } from "../server/heap-growth.js";
import { heapSnapshotOnSignal } from "../server/heap-snapshot-signal.js";

export const serveCommand: Command = {
  summary: "serve the front-desk page, the JSON API, /healthz, /metrics, and LINE/Slack when configured",
  usage:
    "madoguchi serve [--port N] [--host ADDRESS] [--knowledge DIR]   (env: PORT, HOST, MADOGUCHI_KNOWLEDGE, …; see README)",
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      port: { type: "string" },
      host: { type: "string" },
      knowledge: { type: "string" },
    });
    let server: RunningServer;
    try {
      applyHeapGrowth(io.env); // before the knowledge fills the heap: see src/server/heap-growth.ts
      const config = readServerConfig(withJournalDefault(io.env), {
        port: values.port,
        host: values.host,
        knowledgeDir: values.knowledge,
      });
      io.stderr.write(`madoguchi: loading the knowledge in ${config.knowledgeDir} …\n`);
      server = await startServer({ config, reloadOnSighup: true });
    } catch (e) {
      return reportStartFailure(e, io);
    }
    io.stdout.write(banner(server));
    const snapshotDir = io.env["MADOGUCHI_HEAP_SNAPSHOT_DIR"]?.trim();
    const stopSnapshots = snapshotDir ? heapSnapshotOnSignal(snapshotDir, server.logger) : () => undefined;
    await untilStopped();
    stopSnapshots();
    io.stderr.write("madoguchi: stopping …\n");
    await server.close();
    return 0;
  },
};

/** `madoguchi serve` keeps acknowledged events in a journal under the working directory unless told otherwise. */
function withJournalDefault(env: CliIo["env"]): CliIo["env"] {
  if (env["MADOGUCHI_JOURNAL_DIR"]?.trim()) return env;
  return { ...env, MADOGUCHI_JOURNAL_DIR: resolve(".madoguchi", "journal") };
}

function reportStartFailure(e: unknown, io: CliIo): number {
  if (e instanceof KnowledgeError) {
    for (const p of e.problems) io.stderr.write(`${formatProblem(p)}\n`);
    io.stderr.write(
      `madoguchi serve: refusing to start: ${e.problems.length} problem(s) in the knowledge (fix them, then check with \`madoguchi check\`)\n`,
    );
    return 1;
  }
  if (e instanceof Error && e.name === "DialogueDataError") {
    io.stderr.write(`${e.message}\nmadoguchi serve: refusing to start: the dialogue data (intents/) has problems\n`);
    return 1;
  }
  if (e instanceof ConfigError || (e instanceof Error && /ConfigError$/.test(e.name))) {
    io.stderr.write(`madoguchi serve: configuration: ${e.message}\n`);
    return 2;
  }
  if (e instanceof Error && (e as NodeJS.ErrnoException).code === "EADDRINUSE") {
    io.stderr.write(`madoguchi serve: the address is already in use (${e.message}); set PORT to another port\n`);
    return 1;
  }
  throw e;
}

function banner(s: RunningServer): string {
  const h = s.services.runtime.health();
  const kb = s.services.knowledge();
  const lines = [
    "",
    `Madoguchi is serving ${kb.municipalities.map((m) => m.name).join("・")}: ${h.programs} programs, ${h.faqs} FAQ entries (knowledge version ${h.version})${s.services.scope ? `, scope ${s.services.scope}` : ""}`,
    "",
    `  front-desk page   ${s.url}/`,
    `  JSON API          ${s.url}/api/search?q=…   /api/programs/:id   /api/categories   POST /api/chat`,
    `  health, metrics   ${s.url}/healthz   ${s.url}/metrics`,
    ...s.channels.summary.map((l) => `  ${l}`),
    ...s.channels.off.map((o) => `  ${o.name.padEnd(17)} off (${o.hint})`),
    `  pending answers   ${s.services.shared.queueWhere}`,
    `  knowledge         ${s.config.knowledgeDir} (${s.config.watchKnowledge ? "reloads when files change, " : ""}kill -HUP ${process.pid} reloads)`,
    "",
    "Open the page in a browser. Press Ctrl+C to stop. Logs follow as JSON lines.",
    "",
  ];
  return `${lines.join("\n")}\n`;
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
