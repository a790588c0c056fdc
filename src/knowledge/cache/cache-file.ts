// One file of cached data (a knowledge snapshot, a saved search index), trusted only when it proves itself:
// it must name the key the reader expects (what it was built from and by which code), have the length its
// header records, and hash to the checksum its header records. Anything else is a miss with a reason, so a
// corrupt, truncated or stale file is rebuilt, never served. Writes go to a temporary name and are renamed,
// so a reader never sees half a file.
//
// Wire format: the 8 bytes "MDGCACHE", a little-endian uint32 header length, the header as UTF-8 JSON
// ({ format, key, bytes, sha256 }), then `bytes` bytes of payload.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync, rmSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";

const MAGIC = Buffer.from("MDGCACHE");
const FORMAT = 1;
/** Cache files of one kind kept per directory (each knowledge directory has its own; tests make many). */
const KEPT_PER_KIND = 16;

export type CacheMiss = "absent" | "unreadable" | "corrupt" | "truncated" | "stale";

export type CacheRead = { payload: Buffer } | { miss: CacheMiss };

interface Header {
  format: number;
  key: string;
  bytes: number;
  sha256: string;
}

export function readCacheFile(path: string, key: string): CacheRead {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch (e) {
    return { miss: (e as NodeJS.ErrnoException).code === "ENOENT" ? "absent" : "unreadable" };
  }
  const header = readHeader(file);
  if (!header) return { miss: file.length < MAGIC.length + 4 ? "truncated" : "corrupt" };
  if (header.format !== FORMAT || header.key !== key) return { miss: "stale" };
  const payload = file.subarray(header.end);
  if (payload.length < header.bytes) return { miss: "truncated" };
  if (payload.length > header.bytes || sha256(payload) !== header.sha256) return { miss: "corrupt" };
  return { payload };
}

/** Best effort: false when the file cannot be written (a read-only install keeps working, only slower). */
export function writeCacheFile(path: string, key: string, payload: Uint8Array): boolean {
  const header = Buffer.from(
    JSON.stringify({ format: FORMAT, key, bytes: payload.byteLength, sha256: sha256(payload) } satisfies Header),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, Buffer.concat([MAGIC, length, header, payload]));
    renameSync(tmp, path);
    pruneOldest(dirname(path), kindOf(path));
    return true;
  } catch {
    rmSync(tmp, { force: true });
    return false;
  }
}

/** "index-3f2a….bin" → "index-". */
function kindOf(path: string): string {
  return basename(path).replace(/[0-9a-f]+\.bin$/u, "");
}

/** Removes the least recently written files of a kind beyond KEPT_PER_KIND (best effort). */
function pruneOldest(dir: string, kind: string): void {
  try {
    const files = readdirSync(dir)
      .filter((f) => f.startsWith(kind) && f.endsWith(".bin"))
      .map((f) => ({ f, at: statSync(join(dir, f)).mtimeMs }));
    files.sort((a, b) => b.at - a.at);
    for (const { f } of files.slice(KEPT_PER_KIND)) rmSync(join(dir, f), { force: true });
  } catch {
    // another process pruned at the same time
  }
}

function readHeader(file: Buffer): (Header & { end: number }) | undefined {
  if (file.length < MAGIC.length + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const length = file.readUInt32LE(MAGIC.length);
  const end = MAGIC.length + 4 + length;
  if (end > file.length) return undefined;
  try {
    const h = JSON.parse(file.subarray(MAGIC.length + 4, end).toString("utf8")) as Partial<Header>;
    if (
      typeof h.format !== "number" ||
      typeof h.key !== "string" ||
      typeof h.bytes !== "number" ||
      typeof h.sha256 !== "string"
    )
      return undefined;
    return { format: h.format, key: h.key, bytes: h.bytes, sha256: h.sha256, end };
  } catch {
    return undefined;
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
