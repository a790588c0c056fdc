// What cached data was built from, as hashes: the files of a directory (every file, so nothing a loader
// reads can change unnoticed) and the code that built it (the files of the given source or compiled
// directories, with the versions of Node and V8 that serialised it).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const SKIPPED = new Set([".git", "node_modules"]);

/** A hash of every file under `dir` (paths and contents); "" when the directory cannot be read. */
export function directoryFingerprint(dir: string): string {
  const hash = createHash("sha256");
  try {
    for (const file of filesUnder(dir))
      hash.update(relative(dir, file).split(sep).join("/")).update("\0").update(readFileSync(file)).update("\0");
  } catch {
    return "";
  }
  return hash.digest("hex");
}

const codeVersions = new Map<string, string>();

/** A hash of the code in `dirs` (memoised: the code does not change while the process runs). */
export function codeVersion(dirs: readonly string[]): string {
  const id = dirs.join("\n");
  let version = codeVersions.get(id);
  if (version === undefined) {
    const hash = createHash("sha256").update(`${process.versions.node} ${process.versions.v8}\0`);
    for (const dir of dirs)
      for (const file of filesUnder(dir))
        hash.update(file.slice(dir.length)).update("\0").update(readFileSync(file)).update("\0");
    version = hash.digest("hex");
    codeVersions.set(id, version);
  }
  return version;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}
