// The package's root directory (where package.json, knowledge/ and intents/ are), found by walking up from
// the calling module: the same answer from src/ (tests), dist/ (the installed package) and the benches' build.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export function packageRootOf(moduleUrl: string): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(moduleUrl)}`);
    dir = parent;
  }
  return dir;
}

export const PACKAGE_ROOT = packageRootOf(import.meta.url);
