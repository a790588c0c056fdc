// An append-only journal of accepted webhook events on local disk, so a process killed between the 200 and
// the answer (kill -9, out of memory, a crashed host) answers them when it starts again.
//
// Wire format: segment files `segment-<n>.jsonl` in the journal directory, one JSON record per line:
//   {"t":"a","id":…,"s":source,"r":receivedAt,"p":payload}   an event was accepted (written before the 200)
//   {"t":"d","id":…}                                          it is done with (answered or unanswerable)
// A line that does not parse (a write torn by a crash or a full disk) is skipped. At open, every segment is
// read, the events accepted and not done are returned for replay, rewritten into a fresh segment and the old
// segments deleted (compaction); while running, a new segment starts every `segmentBytes` or whenever the
// current one holds nothing unfinished, the unfinished events of older segments are copied forward, and the
// older segments deleted. So the text a resident sent stays on disk only until it is answered (or until the
// segment it shares with events still waiting fills up).
//
// Durability: accept records are written at once (a synchronous write(): the page cache) and, with fsync
// "always" (the default), fdatasync'ed before `append` resolves — one fdatasync for every accept made while
// the previous one ran (group commit): they survive a power loss.
// With "never" they survive the process being killed (the kernel has them) but not the machine crashing.
// Done records are never waited for: losing one only replays an event that the channel then recognises as
// answered. Files are created 0600 in a 0700 directory; a lock file keeps a second process out.
import {
  mkdirSync,
  chmodSync,
  openSync,
  writeSync,
  readFileSync,
  readdirSync,
  writeFileSync,
  unlinkSync,
  closeSync,
} from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { join } from "node:path";

export type FsyncPolicy = "always" | "never";

export interface JournalEntry {
  id: string;
  source: string;
  receivedAt: number;
  payload: unknown;
}

export interface JournalOptions {
  fsync?: FsyncPolicy;
  /** Start a new segment past this size (default 8 MiB). */
  segmentBytes?: number;
}

export class JournalLockedError extends Error {
  override name = "JournalLockedError";
}

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
}

export class EventJournal {
  private buffer: string[] = [];
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | undefined;
  private size = 0;
  private tornTail = false;
  /** Unfinished events: where each was written (segment number) and what to copy forward. */
  private readonly live = new Map<string, { segment: number; entry: JournalEntry }>();
  private readonly liveBySegment = new Map<number, number>();
  private closed = false;

  private constructor(
    readonly dir: string,
    private file: FileHandle,
    private segment: number,
    private readonly fsync: FsyncPolicy,
    private readonly segmentBytes: number,
  ) {}

  /** Opens (creating) the journal in `dir`; returns it and the events an earlier process left unfinished. */
  static async open(
    dir: string,
    options: JournalOptions = {},
  ): Promise<{ journal: EventJournal; unfinished: JournalEntry[] }> {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    takeLock(dir);
    const segments = segmentNumbers(dir);
    const unfinished = readUnfinished(dir, segments);
    const next = (segments.at(-1) ?? 0) + 1;
    const journal = new EventJournal(
      dir,
      await openSegment(dir, next),
      next,
      options.fsync ?? "always",
      options.segmentBytes ?? 8 * 1024 * 1024,
    );
    try {
      if (unfinished.length > 0) await journal.append(unfinished);
      for (const n of segments) unlinkSync(segmentPath(dir, n));
    } catch {
      // The disk refuses (full): keep the old segments, which still hold these events, for the next start.
    }
    return { journal, unfinished };
  }

  /** Writes accept records; resolves once written (and synced, with fsync "always"); rejects when the disk refuses. */
  append(entries: readonly JournalEntry[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error("the journal is closed"));
    for (const entry of entries) {
      this.buffer.push(acceptLine(entry));
      this.track(entry);
    }
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.flushSoon();
    });
  }

  /** Records that an event is done with; not waited for (see the header). */
  markDone(id: string): void {
    const live = this.live.get(id);
    if (!live || this.closed) return;
    this.live.delete(id);
    this.liveBySegment.set(live.segment, (this.liveBySegment.get(live.segment) ?? 1) - 1);
    this.buffer.push(`${JSON.stringify({ t: "d", id })}\n`);
    this.flushSoon();
  }

  /** Events accepted and not done yet. */
  get unfinishedCount(): number {
    return this.live.size;
  }

  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.closed = true;
    await this.file.close();
    try {
      unlinkSync(join(this.dir, "lock"));
    } catch {
      /* already gone */
    }
  }

  private track(entry: JournalEntry): void {
    const previous = this.live.get(entry.id);
    if (previous) this.liveBySegment.set(previous.segment, (this.liveBySegment.get(previous.segment) ?? 1) - 1);
    this.live.set(entry.id, { segment: this.segment, entry });
    this.liveBySegment.set(this.segment, (this.liveBySegment.get(this.segment) ?? 0) + 1);
  }

  private flushSoon(): void {
    this.flushing ??= this.flushAll().finally(() => {
      this.flushing = undefined;
      if (this.buffer.length > 0) this.flushSoon(); // added after the last round looked
    });
  }

  private async flushAll(): Promise<void> {
    while (this.buffer.length > 0) {
      const text = (this.tornTail ? "\n" : "") + this.buffer.join("");
      const waiters = this.waiters;
      this.buffer = [];
      this.waiters = [];
      try {
        const bytes = Buffer.from(text, "utf8");
        // A synchronous write (the page cache: microseconds) keeps the acknowledgement on this turn of the
        // event loop; only the fdatasync goes to the thread pool, shared by every accept made meanwhile.
        const bytesWritten = writeSync(this.file.fd, bytes);
        if (bytesWritten !== bytes.length)
          throw Object.assign(new Error("short write to the journal"), { code: "ENOSPC" });
        if (this.fsync === "always" && waiters.length > 0) await this.file.datasync();
        this.tornTail = false;
        this.size += bytes.length;
        for (const w of waiters) w.resolve();
      } catch (e) {
        this.tornTail = true; // the next write starts on a fresh line, so a torn record costs only itself
        for (const w of waiters) w.reject(e);
      }
      await this.maybeRoll();
    }
  }

  /** A new segment past the size; segments with nothing unfinished go, older ones have theirs copied forward. */
  private async maybeRoll(): Promise<void> {
    if (this.tornTail) return; // a record may be missing from the newer segment: keep the older ones
    for (const [n, count] of this.liveBySegment) {
      if (n !== this.segment && count <= 0) this.dropSegment(n);
    }
    // Past the size, or nothing unfinished in it (a quiet moment): the answered texts leave the disk now.
    const activeLive = this.liveBySegment.get(this.segment) ?? 0;
    if (this.size < this.segmentBytes && !(activeLive <= 0 && this.size > 0)) return;
    const previous = this.segment;
    const old = this.file;
    this.segment = previous + 1;
    this.file = await openSegment(this.dir, this.segment);
    this.size = 0;
    await old.close();
    // Unfinished events of the older segments move forward (written by flushAll's next round), so those
    // segments, and the answered texts in them, can go.
    for (const { segment, entry } of [...this.live.values()]) {
      if (segment >= this.segment) continue;
      this.buffer.push(acceptLine(entry));
      this.track(entry);
    }
  }

  private dropSegment(n: number): void {
    this.liveBySegment.delete(n);
    try {
      unlinkSync(segmentPath(this.dir, n));
    } catch {
      /* already gone */
    }
  }
}

function acceptLine(entry: JournalEntry): string {
  return `${JSON.stringify({ t: "a", id: entry.id, s: entry.source, r: entry.receivedAt, p: entry.payload })}\n`;
}

function segmentPath(dir: string, n: number): string {
  return join(dir, `segment-${String(n).padStart(8, "0")}.jsonl`);
}

function segmentNumbers(dir: string): number[] {
  return readdirSync(dir)
    .map((name) => /^segment-(\d+)\.jsonl$/.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

async function openSegment(dir: string, n: number): Promise<FileHandle> {
  return open(segmentPath(dir, n), "a", 0o600);
}

/** Replays the segments in order: accepted minus done, in the order accepted. */
function readUnfinished(dir: string, segments: number[]): JournalEntry[] {
  const open = new Map<string, JournalEntry>();
  for (const n of segments) {
    for (const line of readFileSync(segmentPath(dir, n), "utf8").split("\n")) {
      const record = parseRecord(line);
      if (record?.t === "a")
        open.set(record.id, { id: record.id, source: record.s, receivedAt: record.r, payload: record.p });
      else if (record?.t === "d") open.delete(record.id);
    }
  }
  return [...open.values()];
}

type JournalRecord = { t: "a"; id: string; s: string; r: number; p: unknown } | { t: "d"; id: string };

function parseRecord(line: string): JournalRecord | undefined {
  if (line.trim() === "") return undefined;
  try {
    const r = JSON.parse(line) as Partial<{ t: string; id: string; s: string; r: number; p: unknown }>;
    if (typeof r.id !== "string") return undefined;
    if (r.t === "d") return { t: "d", id: r.id };
    if (r.t === "a" && typeof r.s === "string" && typeof r.r === "number")
      return { t: "a", id: r.id, s: r.s, r: r.r, p: r.p };
  } catch {
    // a torn line
  }
  return undefined;
}

/** One process per journal directory: a second one would replay the first one's events. */
function takeLock(dir: string): void {
  const path = join(dir, "lock");
  try {
    const fd = openSync(path, "wx", 0o600);
    writeFileSync(fd, String(process.pid));
    closeSync(fd);
    return;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  const holder = Number(readFileSync(path, "utf8").trim());
  if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && processAlive(holder)) {
    throw new JournalLockedError(
      `the journal ${dir} is in use by process ${holder}; give each server process its own MADOGUCHI_JOURNAL_DIR`,
    );
  }
  writeFileSync(path, String(process.pid), { mode: 0o600 }); // left by a process that died: take it over
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
