// Heap snapshots of the server under test and what changed between two of them. The server runs with
// MADOGUCHI_HEAP_SNAPSHOT_DIR=<dir>: on SIGUSR2 it writes a `.heapsnapshot` there (the process pauses for
// a few seconds meanwhile) through the in-process inspector, which leaves no object tracking behind
// (src/server/heap-snapshot-signal.ts; node's own --heapsnapshot-signal does, and the heap after it grew). A snapshot is summarised by constructor: how many
// objects and how many bytes (self size) of each, so two summaries show what accumulates — a leak shows up
// as one kind growing with the number of events served, not as the heap merely finding its size.
//
// Wire format (V8's .heapsnapshot JSON): snapshot.meta.node_fields names the fields of each node in the flat
// `nodes` array (type, name, id, self_size, edge_count, …); node types index snapshot.meta.node_types[0];
// names index `strings`.
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";

export interface HeapSummary {
  totalBytes: number;
  nodes: number;
  /** "type:name" → count and self size. */
  byKind: Map<string, { count: number; bytes: number }>;
}

/** The environment that makes the server write a snapshot into `dir` on SIGUSR2. */
export function heapSnapshotEnv(dir: string): Record<string, string> {
  return { MADOGUCHI_HEAP_SNAPSHOT_DIR: dir };
}

/** Signals the server, waits for the snapshot file to be complete, summarises it and deletes it. */
export async function takeHeapSummary(pid: number, dir: string, timeoutMs = 120_000): Promise<HeapSummary | undefined> {
  const before = new Set(await snapshotFiles(dir));
  process.kill(pid, "SIGUSR2");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1_000));
    for (const file of (await snapshotFiles(dir)).filter((f) => !before.has(f))) {
      const text = await readFile(join(dir, file), "utf8");
      if (!text.trimEnd().endsWith("}")) continue; // still being written
      try {
        const summary = summarize(JSON.parse(text) as RawSnapshot);
        await rm(join(dir, file), { force: true }); // it holds what the server had in memory: residents' messages
        return summary;
      } catch {
        // not complete yet
      }
    }
  }
  return undefined;
}

async function snapshotFiles(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [])).filter((f) => f.endsWith(".heapsnapshot"));
}

interface RawSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

function summarize(raw: RawSnapshot): HeapSummary {
  const fields = raw.snapshot.meta.node_fields;
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = [fields.indexOf("type"), fields.indexOf("name"), fields.indexOf("self_size")];
  const types = raw.snapshot.meta.node_types[0];
  const byKind = new Map<string, { count: number; bytes: number }>();
  let totalBytes = 0;
  for (let i = 0; i < raw.nodes.length; i += width) {
    const type = types[raw.nodes[i + typeAt]!] ?? "?";
    // Strings and numbers are named by their content: group them by type only (and never print a resident's text).
    const name =
      type === "object" || type === "closure" || type === "native" ? (raw.strings[raw.nodes[i + nameAt]!] ?? "?") : "";
    const size = raw.nodes[i + sizeAt]!;
    const key = `${type}:${name}`;
    const k = byKind.get(key) ?? { count: 0, bytes: 0 };
    k.count++;
    k.bytes += size;
    byKind.set(key, k);
    totalBytes += size;
  }
  return { totalBytes, nodes: raw.nodes.length / width, byKind };
}

export interface HeapGrowth {
  totalBytes: number;
  /** The kinds that grew most, in bytes. */
  top: { kind: string; countDelta: number; bytesDelta: number }[];
}

export function compareHeaps(a: HeapSummary, b: HeapSummary, topN = 8): HeapGrowth {
  const kinds = new Set([...a.byKind.keys(), ...b.byKind.keys()]);
  const deltas = [...kinds].map((kind) => {
    const x = a.byKind.get(kind) ?? { count: 0, bytes: 0 };
    const y = b.byKind.get(kind) ?? { count: 0, bytes: 0 };
    return { kind, countDelta: y.count - x.count, bytesDelta: y.bytes - x.bytes };
  });
  deltas.sort((p, q) => q.bytesDelta - p.bytesDelta);
  return { totalBytes: b.totalBytes - a.totalBytes, top: deltas.slice(0, topN) };
}
