// Every command README.md shows a newcomer runs, as written, on a copy of the bundled knowledge: the CLI lines
// through the built executable (what `npx madoguchi` starts), the curl lines against a server started the way
// `npm start` starts it. A README line that stops working fails here, so README stays true.
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOnce } from "../knowledge/support/cli.js";

const ROOT = resolve(".");
const MAIN_JS = join(ROOT, "dist/cli/main.js");

/** The lines of README's ```sh blocks, without their trailing comments, continuation lines joined. */
function readmeCommands(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
  const joined = blocks.flatMap((b) => b.replace(/\\\n\s*/g, " ").split("\n"));
  return joined.map((l) => l.replace(/\s{2,}#.*$/, "").trim()).filter((l) => l !== "");
}

/** What the test does with a line: the two set-up commands are what CI itself runs; the rest run here. */
function kindOf(line: string): "setup" | "cli" | "curl" | "npm-script" {
  if (/^npm (install|test|ci)\b/.test(line)) return "setup";
  if (line.startsWith("curl ")) return "curl";
  if (line.startsWith("npm run ")) return "npm-script";
  return "cli";
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function sh(line: string, cwd: string, env: NodeJS.ProcessEnv, input = ""): Promise<Ran> {
  return new Promise((done) => {
    const child = spawn("bash", ["-o", "pipefail", "-c", line], { cwd, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    child.on("close", (code) => done({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

let work: string;
let server: ChildProcess | undefined;
let base = "";
const env = (): NodeJS.ProcessEnv => ({
  MADOGUCHI_KNOWLEDGE: join(work, "knowledge"),
  MADOGUCHI_CACHE_DIR: "off",
  LOG_LEVEL: "silent",
});

/** Starts `madoguchi serve --port 0` (what `npm start` runs after building) and reads its address. */
function startServer(): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [MAIN_JS, "serve", "--port", "0"], {
      cwd: work,
      env: { ...process.env, ...env(), MADOGUCHI_WATCH: "on" },
    });
    server = child;
    let seen = "";
    const onData = (c: Buffer) => {
      seen += c.toString("utf8");
      const m = /front-desk page\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(seen);
      if (m?.[1]) done(m[1]);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => fail(new Error(`serve exited ${code}: ${seen}`)));
  });
}

beforeAll(async () => {
  await buildOnce();
  work = mkdtempSync(join(tmpdir(), "madoguchi-readme-"));
  cpSync(join(ROOT, "knowledge"), join(work, "knowledge"), { recursive: true });
  cpSync(join(ROOT, "docs"), join(work, "docs"), { recursive: true });
  base = await startServer();
}, 180_000);

afterAll(() => {
  server?.kill("SIGTERM");
  if (work) rmSync(work, { recursive: true, force: true });
});

const lines = readmeCommands(readFileSync("README.md", "utf8"));

describe("README's commands", () => {
  it("README shows the two commands, a search, a chat request and the staff loop", () => {
    expect(lines).toContain("npm install && npm start");
    expect(lines).toContain("npm test");
    expect(lines.some((l) => l.startsWith("curl ") && l.includes("/api/chat"))).toBe(true);
    expect(lines.some((l) => l.includes("madoguchi staff approve"))).toBe(true);
  });

  it("npm start builds and serves: the script is the build followed by madoguchi serve", () => {
    const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;
    expect(scripts["start"]).toMatch(/npm run build.*&&.*dist\/cli\/main\.js serve/);
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("every CLI and curl line runs and exits 0 on a fresh copy of the knowledge", { timeout: 240_000 }, async () => {
    let draft = "";
    for (const line of lines) {
      const kind = kindOf(line);
      if (kind === "setup" || kind === "npm-script") continue;
      let command = line.replaceAll("npx madoguchi", `node ${MAIN_JS}`).replaceAll("http://127.0.0.1:3000", base);
      command = command.replace(/<draft id>/g, draft);
      const ran = await sh(command, work, env());
      expect({ line, code: ran.code, stderr: ran.stderr }).toEqual({ line, code: 0, stderr: ran.stderr });
      if (line.includes("staff add-answer")) draft = ran.stdout.trim().split("\n").at(-1) ?? "";
      if (kind === "curl") expect(() => JSON.parse(ran.stdout), line).not.toThrow();
    }
  });

  it("every npm script README names exists", () => {
    const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;
    for (const line of lines.filter((l) => kindOf(l) === "npm-script")) {
      const name = line.split(/\s+/)[2] ?? "";
      expect(Object.keys(scripts), line).toContain(name);
    }
  });
});
