// The loaded knowledge kept as a snapshot, so a start with unchanged files skips reading YAML and
// validating (most of the knowledge load). The snapshot is keyed by every file of the knowledge directory,
// the directory and working directory (messages name files relative to it) and the knowledge code; a
// snapshot that does not match, or is damaged, is a miss and the files are loaded and validated as always.
// Only knowledge that loaded without problems is ever saved.
import { createHash } from "node:crypto";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { KnowledgeBase } from "../knowledge-base.js";
import type { LoadOutcome } from "../load.js";
import { readCacheFile, writeCacheFile, type CacheMiss } from "./cache-file.js";
import { codeVersion, directoryFingerprint } from "./fingerprint.js";
import { frameParts, unframeParts } from "./parts.js";
import { knowledgeFromParts, knowledgeParts } from "./knowledge-parts.js";

/** src/knowledge/ or dist/knowledge/: the code that decides what loaded knowledge contains. */
const KNOWLEDGE_CODE = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface CachedLoad extends LoadOutcome {
  /** "snapshot": read from the cache; otherwise why the files were loaded ("absent", "stale", "corrupt" …, "off"). */
  source: "snapshot" | CacheMiss | "off";
}

/** The knowledge of `dir`, from its snapshot when the snapshot matches the files, else loaded and saved. */
export async function loadKnowledgeCached(dir: string, cacheDir: string | null): Promise<CachedLoad> {
  const load = async () => (await import("../load.js")).loadKnowledge(dir);
  if (!cacheDir) return { ...(await load()), source: "off" };
  const path = snapshotPath(cacheDir, dir);
  const key = snapshotKey(dir);
  const read = readCacheFile(path, key);
  if ("payload" in read) {
    const knowledge = await restore(read.payload);
    if (knowledge) return { knowledge, problems: [], source: "snapshot" };
  }
  const outcome = await load();
  // Files that changed while they were loaded would be saved under the wrong key: save only if still the same.
  if (outcome.knowledge && snapshotKey(dir) === key) save(path, key, outcome.knowledge);
  return { ...outcome, source: "payload" in read ? "corrupt" : read.miss };
}

export function snapshotPath(cacheDir: string, dir: string): string {
  return join(cacheDir, `knowledge-${createHash("sha256").update(resolve(dir)).digest("hex").slice(0, 16)}.bin`);
}

function snapshotKey(dir: string): string {
  return createHash("sha256")
    .update(JSON.stringify([directoryFingerprint(dir), resolve(dir), process.cwd(), codeVersion([KNOWLEDGE_CODE])]))
    .digest("hex");
}

function save(path: string, key: string, knowledge: KnowledgeBase): void {
  let bytes: Buffer;
  try {
    bytes = frameParts(knowledgeParts(knowledge));
  } catch {
    return; // something in the knowledge cannot be serialised: it is loaded from the files every time
  }
  writeCacheFile(path, key, bytes);
}

/** The knowledge base made again from what it was made from; loadedAt is now (when it was loaded into this process). */
async function restore(payload: Buffer): Promise<KnowledgeBase | undefined> {
  try {
    return await knowledgeFromParts(unframeParts(payload), async () => {});
  } catch {
    return undefined;
  }
}

/** For start-up, where nothing partial will do: the knowledge, or a KnowledgeError naming every problem. */
export async function loadKnowledgeCachedOrThrow(dir: string, cacheDir: string | null): Promise<KnowledgeBase> {
  const { knowledge, problems } = await loadKnowledgeCached(dir, cacheDir);
  if (knowledge) return knowledge;
  const { KnowledgeError } = await import("../problems.js");
  throw new KnowledgeError(problems);
}
