#!/usr/bin/env node
// The `madoguchi` executable.
import { main } from "./run.js";
import type { CliIo } from "./command.js";

const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
main(process.argv.slice(2), io).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => { process.stderr.write(`madoguchi: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`); process.exitCode = 1; },
);
