// The real server as operators run it — `node dist/cli/main.js serve` in its own process — with the
// environment a scenario gives it. Its stdout and stderr (the JSON log lines and the banner) are kept in
// a file, so a run can be searched afterwards for personal data; its memory is read from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync, type WriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { PACKAGE_ROOT } from "../../src/config/package-root.js";

/** The server always runs from dist (built first). */
export const SERVER_MAIN = resolve(PACKAGE_ROOT, "dist", "cli", "main.js");

export interface ServerProcessOptions {
  /** Added to a minimal environment (PATH, HOME); HOST and PORT default to 127.0.0.1 and a free port. */
  env: Record<string, string>;
  /** Where stdout and stderr go (appended). */
  logFile: string;
  /** How long start-up may take before it counts as failed. */
  startTimeoutMs?: number;
  nodeArgs?: string[];
  /** Runs the server through another program (e.g. `unshare` for a mount namespace): [file, args before node]. */
  launcher?: [string, string[]];
}

export class ServerProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    readonly logFile: string,
    private readonly log: WriteStream,
    readonly exited: Promise<number | null>,
  ) {}

  /** Starts the server and resolves once it logs "listening" with its URL. */
  static async start(o: ServerProcessOptions): Promise<ServerProcess> {
    const log = createWriteStream(o.logFile, { flags: "a" });
    const env = {
      PATH: process.env["PATH"] ?? "/usr/bin:/bin",
      HOME: process.env["HOME"] ?? "/tmp",
      HOST: "127.0.0.1",
      PORT: "0",
      ...o.env,
    };
    const nodeArgs = [...(o.nodeArgs ?? []), SERVER_MAIN, "serve"];
    const [file, args] = o.launcher
      ? [o.launcher[0], [...o.launcher[1], process.execPath, ...nodeArgs]]
      : [process.execPath, nodeArgs];
    const child = spawn(file, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    const exited = new Promise<number | null>((res) => child.once("exit", (code) => res(code)));
    child.stderr!.pipe(log, { end: false });
    child.stdout!.pipe(log, { end: false });
    const url = await listeningUrl(child, exited, o.startTimeoutMs ?? 60_000, o.logFile);
    return new ServerProcess(child, url, o.logFile, log, exited);
  }

  get pid(): number {
    return this.child.pid!;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resident memory in bytes (Linux /proc), or undefined where it cannot be read. */
  rssBytes(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, "utf8");
      const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
      return kb ? Number(kb) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /** kill -9: the process dies at once, with whatever it had in memory. */
  async kill9(): Promise<void> {
    if (!this.alive) return;
    this.child.kill("SIGKILL");
    await this.exited;
  }

  /** Asks the server to reload its knowledge (what operators do with kill -HUP). */
  reload(): void {
    this.child.kill("SIGHUP");
  }

  /** SIGTERM (the graceful stop), SIGKILL after `graceMs`; resolves with the exit code. */
  async stop(graceMs = 15_000): Promise<number | null> {
    if (this.alive) {
      this.child.kill("SIGTERM");
      const timer = setTimeout(() => this.child.kill("SIGKILL"), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    await new Promise<void>((res) => this.log.end(() => res()));
    return this.child.exitCode;
  }
}

/** Waits for the log line `{"msg":"listening","url":…}`. */
function listeningUrl(
  child: ChildProcess,
  exited: Promise<number | null>,
  timeoutMs: number,
  logFile: string,
): Promise<string> {
  return new Promise((res, rej) => {
    let pending = "";
    const timer = setTimeout(
      () => done(new Error(`the server did not start within ${timeoutMs} ms (log: ${logFile})`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      const line = lines.find((l) => l.includes('"msg":"listening"'));
      if (line) done(undefined, (JSON.parse(line) as { url: string }).url);
    };
    const done = (e?: Error, url?: string) => {
      clearTimeout(timer);
      child.stdout!.off("data", onData);
      if (e) rej(e);
      else res(url!);
    };
    child.stdout!.on("data", onData);
    void exited.then((code) => done(new Error(`the server exited with ${code} before listening (log: ${logFile})`)));
  });
}

/** Runs the server once and expects it to refuse to start: its exit code and what it printed. */
export async function runToExit(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ code: number | null; output: string; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [SERVER_MAIN, "serve"], {
    env: { PATH: process.env["PATH"] ?? "/usr/bin:/bin", HOST: "127.0.0.1", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => {
    output += c.toString("utf8");
  });
  child.stderr!.on("data", (c: Buffer) => {
    output += c.toString("utf8");
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const code = await new Promise<number | null>((res) => child.once("exit", (c) => res(c)));
  clearTimeout(timer);
  return { code, output, ms: performance.now() - started };
}

export async function readLog(file: string): Promise<string> {
  return readFile(file, "utf8").catch(() => "");
}
