// Writes that are never seen half-done: a file is written beside its target under a name the loader and
// the watcher ignore, then renamed over it (rename is atomic on one file system). And a lock on the
// staff directory, so two people approving at once (two CLI runs, two replicas) both land, one after the other.
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { randomBytes } from "node:crypto";

export async function writeFileAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, content, "utf8");
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/** A lock older than this was left by a process that died mid-change: take it over. */
const STALE_LOCK_MS = 30_000;
const WAIT_MS = 25;
const GIVE_UP_MS = 60_000;

/** Runs `work` holding the lock directory `lockDir` (mkdir is atomic: exactly one process creates it). */
export async function withDirLock<T>(lockDir: string, work: () => Promise<T>): Promise<T> {
  await mkdir(dirname(lockDir), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const age = await stat(lockDir).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > STALE_LOCK_MS) await rm(lockDir, { recursive: true, force: true });
      else if (Date.now() - started > GIVE_UP_MS)
        throw new Error(`${lockDir} is held by another change for over a minute`);
      else await new Promise((r) => setTimeout(r, WAIT_MS + Math.random() * WAIT_MS));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}
