// kuromoji's word-id → token-info-ids map, read lazily from its file instead of built whole at load.
// kuromoji's own loader turns tid_map.dat (4 MB) into a JS object of ~390,000 small arrays: about a third
// of its dictionary load and most of the garbage collection at start-up. Here the file is indexed in one
// pass over its integers (no allocation per word), and a word's ids become an array the first time the
// tokenizer looks the word up (each looked-up word once, so a warm tokenizer costs what kuromoji's does).
//
// Wire format of tid_map.dat (little-endian int32): the number of records, then per record the word id,
// the number of token-info ids and the ids; the file ends in zero padding (records of count 0).

/** What kuromoji's ViterbiBuilder reads: `target_map[wordId]` → the token-info ids (undefined for none). */
export type TargetMap = Record<number, readonly number[] | undefined>;

/** The lazily read map, or undefined when the file is not in the expected shape (the caller keeps kuromoji's loader). */
export function lazyTargetMap(bytes: Uint8Array): TargetMap | undefined {
  if (bytes.byteOffset % 4 !== 0) return undefined;
  const ints = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  const records = recordStarts(ints);
  if (!records) return undefined;
  const { start, count } = records;
  const built = new Map<number, number[]>();
  const ids = (wordId: number): number[] | undefined => {
    let list = built.get(wordId);
    if (list !== undefined) return list;
    const at = start[wordId];
    if (at === undefined || at < 0) return undefined;
    list = Array.from(ints.subarray(at, at + count[wordId]!));
    built.set(wordId, list);
    return list;
  };
  const map = new Proxy({} as TargetMap, { get: (_, key) => (typeof key === "string" ? ids(Number(key)) : undefined) });
  direct.set(map, ids);
  return map;
}

/** The lazy maps' lookups by number, for readers that need no property key (kuromoji-lattice.ts). */
const direct = new WeakMap<TargetMap, (wordId: number) => readonly number[] | undefined>();

/** `map[wordId]` without the proxy's string key when the map is a lazy one. */
export function targetIds(map: TargetMap): (wordId: number) => readonly number[] | undefined {
  return direct.get(map) ?? ((wordId) => map[wordId]);
}

/** Where each word's ids start in the file and how many there are; undefined when a word id repeats or a record overruns. */
function recordStarts(ints: Int32Array): { start: Int32Array; count: Int32Array } | undefined {
  let maxId = -1;
  const end = walk(ints, (wordId) => (maxId = Math.max(maxId, wordId)));
  if (end === undefined || maxId < 0) return undefined;
  const start = new Int32Array(maxId + 1).fill(-1);
  const count = new Int32Array(maxId + 1);
  let repeated = false;
  walk(ints, (wordId, at, n) => {
    if (start[wordId] !== -1) repeated = true;
    start[wordId] = at;
    count[wordId] = n;
  });
  return repeated ? undefined : { start, count };
}

/** Calls back for every record with ids (word id, where its ids start, how many); the end position, or undefined if the file is not as expected. */
function walk(ints: Int32Array, record: (wordId: number, at: number, n: number) => void): number | undefined {
  const declared = ints[0] ?? 0;
  let at = 1;
  for (let r = 0; r < declared; r++) {
    const wordId = ints[at];
    const n = ints[at + 1];
    if (wordId === undefined || n === undefined || wordId < 0 || n < 0 || at + 2 + n > ints.length) return undefined;
    if (n > 0) record(wordId, at + 2, n);
    at += 2 + n;
  }
  // kuromoji reads on to the end of the file: past the declared records there must be padding only.
  for (let i = at; i < ints.length; i++) if (ints[i] !== 0) return undefined;
  return at;
}
