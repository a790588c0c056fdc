// Loads kuromoji's IPADIC dictionary faster than kuromoji's own loader (measured in docs/search.md):
// - its loader gunzips 17 MB into 96 MB asynchronously and then copies every buffer once more;
// - here the first start gunzips synchronously without the copy and writes the decompressed files to a
//   cache directory, and later starts read those files as they are (about half the stock start-up);
// - the cached files are stored without their trailing zero padding (a third of the 96 MB) and read into
//   zero-filled buffers of their full size, which costs nothing for the pages never written;
// - the word → token-info map, which kuromoji builds whole into ~390,000 arrays, is read on demand
//   (kuromoji-target-map.ts): that halves the load again and most of its garbage collection.
// The cache is best effort: when it cannot be written (read-only install), every start gunzips.
import { createRequire } from "node:module";
import { readFileSync, statSync, mkdirSync, writeFileSync, renameSync, openSync, readSync, closeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Tokenizer, IpadicFeatures } from "kuromoji";
import { lazyTargetMap } from "./kuromoji-target-map.js";

const require = createRequire(import.meta.url);

interface TokenInfoDictionary {
  target_map: unknown;
  loadTargetMap(bytes: Uint8Array): TokenInfoDictionary;
}
interface KuromojiLoader {
  dic: { token_info_dictionary: TokenInfoDictionary };
  load(callback: (err: Error | null, dic: unknown) => void): void;
  loadArrayBuffer(file: string, callback: (err: Error | null, buffer?: ArrayBuffer) => void): void;
}
type LoaderClass = new (dicPath: string) => KuromojiLoader;
type TokenizerClass = new (dic: unknown) => Tokenizer<IpadicFeatures>;

export interface DictionaryLoadOptions {
  /** kuromoji's dict/ directory (default: the installed package's). */
  dictionaryDir?: string;
  /** Where decompressed files are kept; null disables the cache. Default: node_modules/.cache/madoguchi. */
  cacheDir?: string | null;
}

export interface LoadedDictionary {
  tokenizer: Tokenizer<IpadicFeatures>;
  /** "cache" when the decompressed files were read, "gzip" when the .gz files were. */
  source: "cache" | "gzip";
}

const MANIFEST = "manifest.json";
/** Changes when the cache's files change shape (2: stored without the trailing zero padding). */
const CACHE_LAYOUT = 2;

/** A cached file: its full size as kuromoji reads it, and how many leading bytes are stored (the rest are zeros). */
interface CachedFile {
  size: number;
  stored: number;
}

export function defaultDictionaryDir(): string {
  return join(dirname(require.resolve("kuromoji/package.json")), "dict");
}

export function defaultCacheDir(): string {
  const kuromojiRoot = dirname(require.resolve("kuromoji/package.json"));
  const version = (require("kuromoji/package.json") as { version: string }).version;
  return join(dirname(kuromojiRoot), ".cache", "madoguchi", `kuromoji-${version}-dict-${CACHE_LAYOUT}`);
}

export function loadKuromojiDictionary(options: DictionaryLoadOptions = {}): Promise<LoadedDictionary> {
  const dictionaryDir = options.dictionaryDir ?? defaultDictionaryDir();
  const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
  const cached = cacheDir ? readManifest(cacheDir) : undefined;
  const decompressed = new Map<string, Buffer>();
  const Loader = require("kuromoji/src/loader/NodeDictionaryLoader") as LoaderClass;
  const Tokenizer = require("kuromoji/src/Tokenizer") as TokenizerClass;
  const loader = new Loader(dictionaryDir);
  readTargetMapLazily(loader.dic.token_info_dictionary);
  loader.loadArrayBuffer = (file, callback) => {
    try {
      const name = basename(file, ".gz");
      const entry = cached?.[name];
      if (cached && !entry) throw new Error(`${name} is not in the dictionary cache's manifest`);
      const bytes = entry && cacheDir ? readPadded(join(cacheDir, name), entry) : gunzipSync(readFileSync(file));
      if (!cached) decompressed.set(name, bytes);
      callback(null, ownArrayBuffer(bytes));
    } catch (e) {
      callback(e as Error);
    }
  };
  return new Promise((resolve, reject) => {
    loader.load((err, dic) => {
      if (err) return reject(err);
      if (!cached && cacheDir) writeCache(cacheDir, decompressed);
      resolve({ tokenizer: new Tokenizer(dic), source: cached ? "cache" : "gzip" });
    });
  });
}

/** This dictionary's word → token-info map is read on demand (kuromoji-target-map.ts); kuromoji's own reader if the file is unexpected. */
function readTargetMapLazily(dictionary: TokenInfoDictionary): void {
  const stock = dictionary.loadTargetMap.bind(dictionary);
  dictionary.loadTargetMap = (bytes) => {
    const map = lazyTargetMap(bytes);
    if (!map) return stock(bytes);
    dictionary.target_map = map;
    return dictionary;
  };
}

/** The bytes as a whole ArrayBuffer (typed arrays over it need offset 0), copying only when they are not. */
function ownArrayBuffer(bytes: Buffer): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return (
    whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
  ) as ArrayBuffer;
}

/** The stored bytes of a cached file, in a zero-filled buffer of its full size. */
function readPadded(path: string, file: CachedFile): Buffer {
  const bytes = Buffer.alloc(file.size);
  const fd = openSync(path, "r");
  try {
    if (readSync(fd, bytes, 0, file.stored, 0) !== file.stored)
      throw new Error(`${path} is shorter than the cache's manifest says`);
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** The cache is usable only when its manifest exists and every file has the stored size the manifest gives. */
function readManifest(cacheDir: string): Record<string, CachedFile> | undefined {
  try {
    const files = JSON.parse(readFileSync(join(cacheDir, MANIFEST), "utf8")) as Record<string, CachedFile>;
    for (const [name, file] of Object.entries(files)) {
      if (
        !(file.stored <= file.size) ||
        statSync(join(cacheDir, name), { throwIfNoEntry: false })?.size !== file.stored
      )
        return undefined;
    }
    return Object.keys(files).length > 0 ? files : undefined;
  } catch {
    return undefined;
  }
}

/** How many leading bytes are not zero padding, rounded up to whole 32-bit words. */
function storedLength(bytes: Buffer): number {
  let end = bytes.byteLength;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return Math.min(bytes.byteLength, (end + 3) & ~3);
}

/** Each file is written under a temporary name and renamed, the manifest last: readers never see half a cache. */
function writeCache(cacheDir: string, files: Map<string, Buffer>): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const manifest: Record<string, CachedFile> = {};
    for (const [name, bytes] of files) {
      const tmp = join(cacheDir, `${name}.${process.pid}.tmp`);
      const stored = storedLength(bytes);
      writeFileSync(tmp, bytes.subarray(0, stored));
      renameSync(tmp, join(cacheDir, name));
      manifest[name] = { size: bytes.byteLength, stored };
    }
    const tmp = join(cacheDir, `${MANIFEST}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify(manifest));
    renameSync(tmp, join(cacheDir, MANIFEST));
  } catch {
    // A read-only install: every start decompresses, which is only slower.
  }
}
