// Where the bundled data lives, relative to this compiled file (dist/cli/ → package root).
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BUNDLED_KNOWLEDGE_DIR = resolve(PACKAGE_ROOT, "knowledge");
export const BUNDLED_INTENTS_DIR = resolve(PACKAGE_ROOT, "intents");

/** --knowledge DIR, else MADOGUCHI_KNOWLEDGE, else the knowledge bundled with the package. */
export function knowledgeDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag ?? env["MADOGUCHI_KNOWLEDGE"] ?? BUNDLED_KNOWLEDGE_DIR);
}
