// The reload worker's thread (started by reload-worker.ts): for each request it loads and validates the
// knowledge directory, builds its search index with its own tokenizer, saves the index and the knowledge
// snapshot for the next start, and sends both back as parts (transferred, not copied). The tokenizer
// loads when the worker starts, which is at the server's start, so a reload does not wait for it.
import { parentPort, workerData } from "node:worker_threads";
import { createJapaneseTokenizer } from "../../text/tokenizer.js";
import { loadKnowledgeCached } from "../../knowledge/cache/knowledge-snapshot.js";
import { knowledgeParts } from "../../knowledge/cache/knowledge-parts.js";
import { openIndex } from "../../search/open-search.js";
import { searchIndexCodec } from "../../search/index-codec.js";
import type { WorkerResult } from "./reload-worker.js";

export interface ReloadWorkerData {
  cacheDir: string | null;
  /** Synonyms for a knowledge directory without its own (null: none). */
  fallbackSynonyms: string | null;
}

const { cacheDir, fallbackSynonyms } = workerData as ReloadWorkerData;
const tokenizing = createJapaneseTokenizer();

parentPort!.on("message", (m: { id: number; dir: string }) => void reload(m.id, m.dir));

async function reload(id: number, dir: string): Promise<void> {
  try {
    const { knowledge, problems } = await loadKnowledgeCached(dir, cacheDir);
    if (!knowledge) return send({ id, problems });
    const tokenizer = await tokenizing;
    // Built (and saved for the next start), or read when a saved index already matches these files.
    const { index } = await openIndex(knowledge, tokenizer, { fallbackSynonyms, cacheDir });
    send({ id, knowledge: own(knowledgeParts(knowledge)), index: own(searchIndexCodec(tokenizer).encode(index)) });
  } catch (e) {
    send({ id, error: e instanceof Error ? e.message : String(e) });
  }
}

function send(r: WorkerResult): void {
  const transfer = "knowledge" in r ? [...r.knowledge, ...r.index].map((p) => p.buffer as ArrayBuffer) : [];
  parentPort!.postMessage(r, transfer);
}

/** Each part in a buffer of its own (serialised buffers may share Node's pool, which must not be transferred). */
function own(parts: readonly Uint8Array[]): Uint8Array[] {
  return parts.map((p) => new Uint8Array(p));
}
