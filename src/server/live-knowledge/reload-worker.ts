// Knowledge reloads off the main thread: a worker thread reads and validates the files and builds the
// index; the main thread only decodes the result, one part per event-loop turn (knowledge-parts.ts and
// the index's codec), so requests keep being answered during a reload. The worker is started on the
// first reload and kept; if it dies, that reload fails (the old knowledge keeps serving) and the next
// reload starts a new worker.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { LoadOutcome } from "../../knowledge/load.js";
import type { Problem } from "../../knowledge/problems.js";
import { knowledgeFromParts } from "../../knowledge/cache/knowledge-parts.js";
import { nextTurn } from "../../knowledge/cache/parts.js";

/**
 * The worker's compiled module. The sources run by the test runner have none: there (and with
 * MADOGUCHI_RELOAD_WORKER=off) reloads run on the main thread as before.
 */
export const RELOAD_WORKER_SCRIPT = new URL("./reload-worker-thread.js", import.meta.url);

export function reloadWorkerAvailable(env: Readonly<Record<string, string | undefined>>): boolean {
  return (
    env["MADOGUCHI_RELOAD_WORKER"] !== "off" &&
    import.meta.url.endsWith(".js") &&
    existsSync(fileURLToPath(RELOAD_WORKER_SCRIPT))
  );
}

/** What the worker answers for one reload (see reload-worker-thread.ts). */
export type WorkerResult =
  | { id: number; problems: Problem[] }
  | { id: number; knowledge: Uint8Array[]; index: Uint8Array[] }
  | { id: number; error: string };

export interface ReloadWorkerOptions<I> {
  /** The worker's module (reload-worker-thread.js) and what it is started with. */
  script: URL;
  workerData: unknown;
  decodeIndex: (parts: readonly Uint8Array[], between: () => Promise<void>) => Promise<I>;
  /** Runs between the parts decoded here (default: the next turn of the event loop; the bench times the steps). */
  between?: () => Promise<void>;
}

export interface Reloader<I> {
  load(dir: string): Promise<LoadOutcome>;
  /** The index the worker built for this knowledge (decoded here). */
  buildIndex(knowledge: KnowledgeBase): Promise<I>;
  close(): Promise<void>;
}

export function startReloadWorker<I>(o: ReloadWorkerOptions<I>): Reloader<I> {
  const between = o.between ?? nextTurn;
  let worker: Worker | undefined;
  let nextId = 0;
  const waiting = new Map<number, { resolve: (r: WorkerResult) => void; reject: (e: Error) => void }>();
  const built = new WeakMap<KnowledgeBase, readonly Uint8Array[]>();
  const failAll = (e: Error) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
    worker = undefined;
  };
  const ensure = (): Worker => {
    if (worker) return worker;
    const w = new Worker(o.script, { workerData: o.workerData });
    w.unref();
    w.on("message", (r: WorkerResult) => {
      waiting.get(r.id)?.resolve(r);
      waiting.delete(r.id);
    });
    w.on("error", (e) => failAll(e));
    w.on("exit", (code) => failAll(new Error(`the reload worker exited (code ${code})`)));
    return (worker = w);
  };
  const ask = (dir: string) =>
    new Promise<WorkerResult>((resolve, reject) => {
      const id = ++nextId;
      waiting.set(id, { resolve, reject });
      ensure().postMessage({ id, dir });
    });
  ensure();
  return {
    async load(dir) {
      const r = await ask(dir);
      if ("error" in r) throw new Error(r.error);
      if ("problems" in r) return { problems: r.problems };
      const knowledge = await knowledgeFromParts(r.knowledge, between);
      built.set(knowledge, r.index);
      return { knowledge, problems: [] };
    },
    async buildIndex(knowledge) {
      const parts = built.get(knowledge);
      if (!parts) throw new Error("this knowledge was not loaded by the reload worker");
      built.delete(knowledge);
      return o.decodeIndex(parts, between);
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}
