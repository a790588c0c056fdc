// The server's memory over a soak, sampled from two sides: the kernel's view of the process
// (/proc/<pid>/status: VmRSS, its anonymous part, the thread count) and the process's own
// process.memoryUsage() (heapTotal, heapUsed, external, arrayBuffers), which the server publishes on
// /metrics as `madoguchi_memory_bytes{kind}`. Both are the server's, never the bench client's: an RSS that
// grows while the heap does not is only told apart by seeing them side by side.
import { readFileSync } from "node:fs";
import type { HttpClient } from "./http-client.js";
import type { ServerProcess } from "./server-process.js";

export interface MemorySample {
  /** Seconds since sampling started. */
  t: number;
  rss: number;
  rssAnon: number;
  /** Resident part of the main malloc arena (the `[heap]` mapping: C++ allocations of the main thread). */
  mallocHeap: number;
  threads: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface MemorySampler {
  elapsed(): number;
  /** The latest sample (undefined before the first). */
  latest(): MemorySample | undefined;
  stop(): Promise<MemorySample[]>;
}

/** Samples the server every `everyMs` until stopped. */
export function sampleMemory(server: ServerProcess, client: HttpClient, everyMs: number): MemorySampler {
  const samples: MemorySample[] = [];
  const started = Date.now();
  let pending: Promise<void> = Promise.resolve();
  const take = () => {
    pending = pending.then(async () => {
      const t = (Date.now() - started) / 1000;
      const kernel = procStatus(server.pid);
      const own = await memoryMetrics(client, server.url);
      if (kernel && own) samples.push({ t, ...kernel, ...own });
    });
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    elapsed: () => (Date.now() - started) / 1000,
    latest: () => samples.at(-1),
    async stop() {
      clearInterval(timer);
      take();
      await pending;
      return samples;
    },
  };
}

function procStatus(pid: number): Pick<MemorySample, "rss" | "rssAnon" | "mallocHeap" | "threads"> | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN) * 1024;
    const threads = Number(/Threads:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
    return { rss: kb("VmRSS"), rssAnon: kb("RssAnon"), mallocHeap: heapMappingRss(pid), threads };
  } catch {
    return undefined;
  }
}

/** The Rss of the `[heap]` mapping in /proc/<pid>/smaps (0 when there is none). */
function heapMappingRss(pid: number): number {
  const smaps = readFileSync(`/proc/${pid}/smaps`, "utf8");
  const at = smaps.search(/ \[heap\]\n/);
  if (at < 0) return 0;
  const kb = /\nRss:\s+(\d+) kB/.exec(smaps.slice(at))?.[1];
  return Number(kb ?? 0) * 1024;
}

type OwnMemory = Pick<MemorySample, "heapTotal" | "heapUsed" | "external" | "arrayBuffers">;

async function memoryMetrics(client: HttpClient, url: string): Promise<OwnMemory | undefined> {
  const r = await client.send(`${url}/metrics`);
  if (r.status !== 200) return undefined;
  const value = (kind: string) =>
    Number(new RegExp(`^madoguchi_memory_bytes\\{kind="${kind}"\\} (\\S+)$`, "m").exec(r.text)?.[1] ?? Number.NaN);
  return {
    heapTotal: value("heapTotal"),
    heapUsed: value("heapUsed"),
    external: value("external"),
    arrayBuffers: value("arrayBuffers"),
  };
}

/** "rss 654 (anon 600) · heap 300/159 · external 20 · arrayBuffers 5 MiB · 11 threads" */
export function describeSample(s: MemorySample): string {
  const m = (b: number) => (b / 1024 / 1024).toFixed(0);
  return `rss ${m(s.rss)} (anon ${m(s.rssAnon)}, malloc [heap] ${m(s.mallocHeap)}) · heap total/used ${m(s.heapTotal)}/${m(s.heapUsed)} · external ${m(s.external)} · arrayBuffers ${m(s.arrayBuffers)} MiB · ${s.threads} threads`;
}
