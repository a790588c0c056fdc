// Runs the madoguchi CLI for tests: in-process through run.ts's main() with collecting streams (fast),
// or as the built executable (what a user runs), after `buildOnce()` has compiled src/ into dist/.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { promisify } from "node:util";
import { main } from "../../../src/cli/run.js";

export const FIXTURES = resolve("test/fixtures/knowledge");
export const fixture = (name: string): string => resolve(FIXTURES, name);
export const REAL_KNOWLEDGE = resolve("knowledge");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function collector(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const out = collector();
  const err = collector();
  const code = await main(args, { stdin: new PassThrough(), stdout: out.stream, stderr: err.stream, env });
  return { code, stdout: out.text(), stderr: err.text() };
}

const run = promisify(execFile);
const MAIN_JS = resolve("dist/cli/main.js");

/**
 * Compiles src/ into dist/ unless dist/ is already up to date: every .ts under src/ has its .js, none newer
 * (tsc exits non-zero when any file fails to type-check but still emits; a missing main.js is the failure
 * that matters here: the typecheck step of `npm test` reports the rest).
 */
export async function buildOnce(): Promise<void> {
  if (!builtFromCurrentSources()) {
    await run(process.execPath, [resolve("node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"]).catch(
      () => undefined,
    );
  }
  if (!existsSync(MAIN_JS)) throw new Error("the build did not produce dist/cli/main.js");
}

function builtFromCurrentSources(): boolean {
  const sources = (readdirSync("src", { recursive: true }) as string[]).filter(
    (f) => f.endsWith(".ts") && !f.split(sep).includes("public"),
  );
  return sources.every((f) => {
    const built = join("dist", f.replace(/\.ts$/, ".js"));
    return existsSync(built) && statSync(built).mtimeMs >= statSync(join("src", f)).mtimeMs;
  });
}

/** Runs `node dist/cli/main.js ARGS` and returns its exit code and output. */
export async function runBinary(args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [MAIN_JS, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === "number" ? failed.code : -1,
      stdout: failed.stdout ?? "",
      stderr: failed.stderr ?? "",
    };
  }
}

/** The problem lines of check's stderr (without the closing "N problem(s) found" line). */
export function problemLines(stderr: string): string[] {
  return stderr.split("\n").filter((l) => l !== "" && !/^\d+ problem\(s\) found/.test(l));
}
