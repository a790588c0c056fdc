// A heap snapshot on SIGUSR2, into MADOGUCHI_HEAP_SNAPSHOT_DIR: what the soak bench compares, and what an
// operator takes to see what fills a live server's memory.
//
// Why not node's own `--heapsnapshot-signal`: after a snapshot V8 keeps an id for every object, to give
// it the same id in the next snapshot, and so follows every object the garbage collector moves for the rest
// of the process's life. In the soak the heap that followed the first snapshot kept growing (its committed
// size rose 85 MiB in 9 minutes while what was alive stayed at 75–100 MiB); without it, it stayed flat.
// Here the snapshot is taken through the in-process inspector, whose HeapProfiler.disable forgets those
// ids, so the process goes on as if no snapshot had been taken — except that the memory V8 used to write it
// stays with the allocator (freed, reused, not handed back to the kernel).
//
// The file holds everything the server had in memory, residents' messages included: it is written 0600,
// under a `.part` name until complete, and is the operator's to delete.
import { Session } from "node:inspector";
import { closeSync, openSync, renameSync, writeSync } from "node:fs";
import { join } from "node:path";

export interface SnapshotLog {
  info(fields: Record<string, unknown>, msg: string): void;
  error(fields: Record<string, unknown>, msg: string): void;
}

/** Writes a snapshot into `dir` on each `signal`; returns the function that removes the handler. */
export function heapSnapshotOnSignal(dir: string, log: SnapshotLog, signal: NodeJS.Signals = "SIGUSR2"): () => void {
  const onSignal = () => {
    const file = join(dir, `heap-${new Date().toISOString().replace(/[:.]/g, "")}-${process.pid}.heapsnapshot`);
    const started = Date.now();
    try {
      writeHeapSnapshot(file);
      log.info({ file, ms: Date.now() - started }, "heap snapshot written");
    } catch (e) {
      log.error({ file, error: (e as Error).message }, "heap snapshot failed");
    }
  };
  process.on(signal, onSignal);
  return () => process.off(signal, onSignal);
}

/** The in-process inspector answers synchronously: the chunks arrive, in order, within `post`. */
export function writeHeapSnapshot(file: string): void {
  const part = `${file}.part`;
  const fd = openSync(part, "w", 0o600);
  const session = new Session();
  session.connect();
  try {
    session.on("HeapProfiler.addHeapSnapshotChunk", (m) => writeSync(fd, m.params.chunk));
    session.post("HeapProfiler.enable");
    session.post("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
    session.post("HeapProfiler.disable"); // forgets the object ids (see the header)
  } finally {
    session.disconnect();
    closeSync(fd);
  }
  renameSync(part, file);
}
