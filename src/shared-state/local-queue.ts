// The local journal as the server configures it: MADOGUCHI_JOURNAL_DIR names the directory (unset: no
// journal, events wait in memory only — `madoguchi serve` sets a default), MADOGUCHI_JOURNAL_FSYNC is
// "always" (default: an accepted event is on disk before the 200, surviving a power loss) or "never"
// (survives the process being killed, not the machine crashing; cheaper on slow disks).
import type { Env } from "../config/server-config.js";
import { ConfigError } from "../config/server-config.js";
import { EventJournal, JournalLockedError, type FsyncPolicy } from "./event-journal.js";
import { JournalEventQueue } from "./journal-queue.js";

export interface LocalQueue {
  dir: string;
  queue: JournalEventQueue;
}

export async function openLocalQueue(
  env: Env,
  onTrouble?: (fields: { code: string; events: number }) => void,
): Promise<LocalQueue | undefined> {
  const dir = env["MADOGUCHI_JOURNAL_DIR"]?.trim();
  if (!dir || dir === "off") return undefined;
  const fsync = fsyncPolicy(env["MADOGUCHI_JOURNAL_FSYNC"]);
  try {
    const { journal, unfinished } = await EventJournal.open(dir, { fsync });
    const queue = new JournalEventQueue(journal, unfinished, {
      onWriteFailure: (e, events) => onTrouble?.({ code: (e as { code?: string }).code ?? "unknown", events }),
    });
    return { dir, queue };
  } catch (e) {
    if (e instanceof JournalLockedError) throw new ConfigError("MADOGUCHI_JOURNAL_DIR", e.message);
    throw new ConfigError(
      "MADOGUCHI_JOURNAL_DIR",
      `cannot use ${dir} for the journal (${(e as { code?: string }).code ?? (e as Error).message})`,
    );
  }
}

function fsyncPolicy(raw: string | undefined): FsyncPolicy {
  const v = raw?.trim().toLowerCase();
  if (!v || v === "always") return "always";
  if (v === "never") return "never";
  throw new ConfigError("MADOGUCHI_JOURNAL_FSYNC", "must be always or never");
}
