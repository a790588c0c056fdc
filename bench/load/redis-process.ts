// A real redis-server (Debian's package) for the tests and the bench: started on a free port of 127.0.0.1
// with its own temporary directory, no persistence, optionally a password, and stopped (directory
// removed) at the end.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port.js";

export interface RedisProcess {
  url: string;
  port: number;
  /** A graceful restart (SIGTERM, which writes the append-only file), down for `downMs`, on the same port. */
  restart(downMs: number): Promise<void>;
  stop(): Promise<void>;
}

export interface StartRedisOptions {
  binary?: string;
  /** requirepass: clients must give it (REDIS_URL redis://:password@host:port). */
  password?: string;
  /** A given port (to restart Redis where clients expect it); a free one otherwise. */
  port?: number;
  /** appendonly yes (fsync every second): what a deployment whose queue is the Redis Stream needs. */
  appendOnly?: boolean;
}

export async function startRedis(o: StartRedisOptions = {}): Promise<RedisProcess> {
  const binary = o.binary ?? "redis-server";
  const dir = await mkdtemp(join(tmpdir(), "madoguchi-redis-"));
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = o.port ?? (await freePort());
    const args = [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--dir",
      dir,
      "--save",
      "",
      "--appendonly",
      o.appendOnly ? "yes" : "no",
      "--protected-mode",
      "yes",
    ];
    if (o.password) args.push("--requirepass", o.password);
    let child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
    if (await ready(child)) {
      return {
        url: `redis://${o.password ? `:${encodeURIComponent(o.password)}@` : ""}127.0.0.1:${port}/0`,
        port,
        async restart(downMs) {
          await stopChild(child);
          await new Promise((r) => setTimeout(r, downMs));
          child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
          if (!(await ready(child))) throw new Error(`redis-server did not come back on port ${port}`);
        },
        async stop() {
          await stopChild(child);
          await rm(dir, { recursive: true, force: true });
        },
      };
    }
    await stopChild(child); // the port was taken in between: try another
  }
  await rm(dir, { recursive: true, force: true });
  throw new Error("redis-server did not start (is the Debian package redis-server installed?)");
}

function ready(child: ChildProcess): Promise<boolean> {
  return new Promise((resolve) => {
    let out = "";
    const timer = setTimeout(() => resolve(false), 10_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve(true);
      }
    });
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.once("error", () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Whether a redis-server binary can be run here. */
export function redisAvailable(binary = "redis-server"): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(binary, ["--version"], { stdio: "ignore" });
    child.once("error", () => resolve(false));
    child.once("exit", (code) => resolve(code === 0));
  });
}
