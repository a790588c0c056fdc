// The search index saved to a file and loaded at start instead of built: keyed by the knowledge version
// (a hash of every knowledge file), the synonyms it was built with, and the code that builds and reads it
// (src|dist/search, text, knowledge, with Node/V8 and the dictionary versions). A file that is absent,
// stale, truncated or corrupt (cache-file.ts checks length and sha256), or that does not decode, is never
// served: the index is built and the file written again. The encoding is the index's own (IndexCodec),
// so this file does not depend on the index's internals.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { KnowledgeBase } from "../knowledge/knowledge-base.js";
import { readCacheFile, writeCacheFile, type CacheMiss } from "../knowledge/cache/cache-file.js";
import { codeVersion } from "../knowledge/cache/fingerprint.js";
import { frameParts, unframeParts } from "../knowledge/cache/parts.js";

/**
 * How an index becomes parts (byte arrays) and back. decode runs `between` between parts, so a thread that
 * decodes a large index keeps answering; it must throw on parts it cannot read.
 */
export interface IndexCodec<I> {
  encode(index: I): Uint8Array[];
  decode(parts: readonly Uint8Array[], between: () => Promise<void>): Promise<I>;
}

export interface SavedIndexRequest<I> {
  cacheDir: string | null;
  knowledge: KnowledgeBase;
  /** Files besides the knowledge the index is built from (the fallback synonyms file, when used). */
  inputs?: readonly string[];
  /** Anything else the build depends on (options, a synthetic source's size). */
  variant?: string;
  codec: IndexCodec<I>;
  build: () => I | Promise<I>;
}

export interface OpenedIndex<I> {
  index: I;
  /** "saved": read from the file; otherwise why it was built ("absent", "stale", "corrupt", "truncated", "undecodable", "off"). */
  source: "saved" | CacheMiss | "undecodable" | "off";
  ms: number;
}

const require = createRequire(import.meta.url);
/** src/search/ or dist/search/ → src/ or dist/: the code whose changes make a saved index stale. */
const CODE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CODE_DIRS = ["search", "text", "knowledge"].map((d) => join(CODE_ROOT, d));

export async function openSavedIndex<I>(r: SavedIndexRequest<I>): Promise<OpenedIndex<I>> {
  const started = performance.now();
  const done = (index: I, source: OpenedIndex<I>["source"]): OpenedIndex<I> => ({
    index,
    source,
    ms: performance.now() - started,
  });
  if (!r.cacheDir) return done(await r.build(), "off");
  const path = savedIndexPath(r.cacheDir, r.knowledge.dir);
  const key = savedIndexKey(r.knowledge, r.inputs ?? [], r.variant ?? "");
  const read = readCacheFile(path, key);
  let source: OpenedIndex<I>["source"] = "payload" in read ? "undecodable" : read.miss;
  if ("payload" in read) {
    try {
      return done(await r.codec.decode(unframeParts(read.payload), async () => {}), "saved");
    } catch {
      source = "undecodable";
    }
  }
  const index = await r.build();
  saveIndex(r, path, key, index);
  return done(index, source);
}

/** Writes the index for this knowledge (madoguchi check, a reload); false when it could not be written. */
export function saveIndexFor<I>(r: Omit<SavedIndexRequest<I>, "build">, index: I): boolean {
  if (!r.cacheDir) return false;
  return saveIndex(
    r,
    savedIndexPath(r.cacheDir, r.knowledge.dir),
    savedIndexKey(r.knowledge, r.inputs ?? [], r.variant ?? ""),
    index,
  );
}

export function savedIndexPath(cacheDir: string, knowledgeDir: string): string {
  return join(cacheDir, `index-${createHash("sha256").update(resolve(knowledgeDir)).digest("hex").slice(0, 16)}.bin`);
}

export function savedIndexKey(knowledge: KnowledgeBase, inputs: readonly string[], variant: string): string {
  const hash = createHash("sha256").update(
    `${knowledge.version}\0${variant}\0${codeVersion(CODE_DIRS)}\0${dependencyVersions()}\0`,
  );
  for (const file of inputs) hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

function saveIndex<I>(r: Pick<SavedIndexRequest<I>, "codec">, path: string, key: string, index: I): boolean {
  let bytes: Uint8Array;
  try {
    bytes = frameParts(r.codec.encode(index));
  } catch {
    return false; // an index that cannot be encoded is built at every start, which is only slower
  }
  return writeCacheFile(path, key, bytes);
}

/** The packages whose data ends up in the index (the dictionary segments the words). */
function dependencyVersions(): string {
  return ["kuromoji", "sudachi-synonyms-dictionary"]
    .map((name) => {
      try {
        return `${name}@${(require(`${name}/package.json`) as { version: string }).version}`;
      } catch {
        return `${name}@-`;
      }
    })
    .join(" ");
}
