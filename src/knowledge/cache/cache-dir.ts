// Where cached start-up data is kept: MADOGUCHI_CACHE_DIR when set ("off" disables caching), else
// node_modules/.cache/madoguchi of the installed package (the convention build tools share), else a
// directory under the system's temporary directory.
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** src/knowledge/cache/ or dist/knowledge/cache/ → the package root. */
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export function defaultCacheDir(env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  const chosen = env["MADOGUCHI_CACHE_DIR"];
  if (chosen === "off") return null;
  if (chosen) return resolve(chosen);
  const modules = join(PACKAGE_ROOT, "node_modules");
  return existsSync(modules)
    ? join(modules, ".cache", "madoguchi")
    : join(tmpdir(), `madoguchi-cache-${process.getuid?.() ?? "user"}`);
}
