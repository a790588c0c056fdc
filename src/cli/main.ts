#!/usr/bin/env node
// The `madoguchi` executable.
import { main } from "./run.js";
import type { CliIo } from "./command.js";

// A reader that stops early (`madoguchi list --json | head -1`) closes the pipe: that is not an error of
// ours, so the rest of the output is dropped and the command ends quietly with 0, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
}

const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
    // `serve` returns once it has closed its server, channels and stores: a timer some store forgot must not
    // turn a clean stop (SIGTERM from a supervisor or a deploy) into a hang that ends in SIGKILL.
    if (process.argv[2] === "serve") process.stdout.write("", () => process.exit(code));
  },
  (e: unknown) => {
    process.stderr.write(`madoguchi: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
