// The layer rule of src/, as data and one function, so the test can run it over the real tree and over
// synthetic files. Layers from left to right; a file may import only from its own layer or those to its
// left. util (generic helpers) and config (settings, the package's paths) come first: every layer may use
// them. shared-state (sessions, deliveries and rate buckets, in memory or in Redis) implements the
// dialogue's stores and serves the channels, so it sits between the two. cli is the command-line program,
// which starts the server (`madoguchi serve`).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

export const LAYERS = [
  "util",
  "config",
  "knowledge",
  "text",
  "search",
  "dialogue",
  "shared-state",
  "channels",
  "server",
  "cli",
] as const;

/** Platform SDKs: only the channels talk to LINE and Slack. */
const CHANNEL_ONLY = /^@(line|slack)\//;

export interface Violation {
  file: string;
  imports: string;
  reason: string;
}

/** Every import specifier of a module: static imports and re-exports, dynamic import("…"), type imports. */
export function importSpecifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^"';]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /^\s*import\s*["']([^"']+)["']/gm,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.push(m[1]!);
  return found;
}

/** The layer of a path relative to src/ ("search/index-shard.ts" → "search"), or undefined for a file at the top. */
export function layerOf(pathInSrc: string): string | undefined {
  const top = pathInSrc.split(/[\\/]/)[0]!;
  return (LAYERS as readonly string[]).includes(top) ? top : undefined;
}

/** The violations in `files` (path relative to src/ → source text). */
export function layerViolations(files: Record<string, string>): Violation[] {
  const violations: Violation[] = [];
  for (const [file, source] of Object.entries(files)) {
    const own = layerOf(file);
    if (own === undefined) {
      violations.push({ file, imports: "", reason: `is in no layer (${LAYERS.join(", ")})` });
      continue;
    }
    for (const spec of importSpecifiers(source)) {
      if (CHANNEL_ONLY.test(spec) && own !== "channels")
        violations.push({ file, imports: spec, reason: "platform SDKs are imported only under src/channels/" });
      if (!spec.startsWith(".")) continue;
      const target = relative(".", join(dirname(file), spec))
        .split(sep)
        .join("/");
      if (target.startsWith("..")) {
        violations.push({ file, imports: spec, reason: "reaches outside src/" });
        continue;
      }
      const theirs = layerOf(target);
      if (theirs !== undefined && LAYERS.indexOf(theirs as never) > LAYERS.indexOf(own as never)) {
        violations.push({ file, imports: spec, reason: `${own} imports from ${theirs}, a layer to its right` });
      }
    }
  }
  return violations;
}

/** Every module under `srcDir` (TypeScript and ES modules; the web page's browser scripts are not modules of the app). */
export function readSourceTree(srcDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (path !== resolve(srcDir, "channels", "web", "public")) walk(path);
      } else if (/\.(ts|mts|mjs)$/.test(entry.name)) {
        files[relative(srcDir, path).split(sep).join("/")] = readFileSync(path, "utf8");
      }
    }
  };
  walk(resolve(srcDir));
  return files;
}
