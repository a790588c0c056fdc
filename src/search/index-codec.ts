// The search index as parts for a file or another thread (saved-index.ts, the reload worker): everything
// SearchIndex is assembled from (its SearchIndexParts), so a decoded index answers exactly as the one
// built. Large values go in slices — arrays by 2,000 items, maps and sets by 500 entries — each part
// decoded on its own turn of the event loop, so decoding a large index never holds the thread for long
// (a slice of 2,000 entry references takes about a millisecond; 20,000 took 10–20 ms at 10,000 entries).
// Classes whose state is plain data (ReadingLexicon, SlipLexicon, MunicipalityMatcher) get their fields
// back on their prototype; the rest is rebuilt from its data (synonym expansions and typos, the term → id map).
import { deserialize, serialize } from "node:v8";
import type { JapaneseTokenizer } from "../text/tokenizer.js";
import type { IndexCodec } from "./saved-index.js";
import { SearchIndex, type SearchIndexParts } from "./search-index.js";
import { ReadingLexicon } from "./reading-lexicon.js";
import { SlipLexicon } from "./slip-lexicon.js";
import { MunicipalityMatcher } from "./municipality-mention.js";
import { SynonymTypos } from "./synonym-typos.js";
import { ScopeRanges } from "./scope-ranges.js";
import type { CompiledSynonyms, Expansion } from "./synonyms.js";
import { sudachiFromExpansions } from "./sudachi-synonyms.js";
import type { QueryTerm } from "./query-groups.js";
import { TermLookup, type PackedIndex } from "./term-index.js";
import type { EntryRef } from "./entry-document.js";

const ARRAY_SLICE = 2_000;
const ENTRY_SLICE = 500;

type Fields = Record<string, unknown>;

export function searchIndexCodec(tokenizer: JapaneseTokenizer): IndexCodec<SearchIndex> {
  return { encode: encodeIndex, decode: (parts, between) => decodeIndex(parts, between, tokenizer) };
}

function encodeIndex(index: SearchIndex): Uint8Array[] {
  const p = index.parts;
  const out: Uint8Array[] = [];
  const put = (value: unknown) => out.push(...valueParts(value));
  const synonyms = { keys: p.synonyms.keys, patterns: p.synonyms.patterns, sourceWords: p.synonyms.sourceWords };
  put({
    synonyms,
    sudachiGroups: p.sudachi?.groups,
    packed: Object.keys(p.packed),
    lexicon: Object.keys(p.lexicon),
    slips: Object.keys(p.slips),
    municipalities: Object.keys(p.municipalities),
  });
  put(new Map(p.synonyms.keys.map((k) => [k, p.synonyms.expansionsOf(k)])));
  put(p.sudachi?.expansions ?? null);
  for (const v of Object.values(p.packed)) put(v);
  for (const v of Object.values(p.lexicon)) put(v);
  for (const v of Object.values(p.slips)) put(v);
  for (const v of Object.values(p.municipalities)) put(v);
  put(p.names);
  put(p.refs);
  return out;
}

interface Head {
  synonyms: Pick<CompiledSynonyms, "keys" | "patterns" | "sourceWords">;
  sudachiGroups: number | undefined;
  packed: string[];
  lexicon: string[];
  slips: string[];
  municipalities: string[];
}

async function decodeIndex(
  parts: readonly Uint8Array[],
  between: () => Promise<void>,
  tokenizer: JapaneseTokenizer,
): Promise<SearchIndex> {
  const read = reader(parts, between);
  const head = (await read()) as Head;
  const expansions = (await read()) as Map<string, readonly Expansion[]>;
  const sudachi = (await read()) as ReadonlyMap<string, QueryTerm[]> | null;
  const fields = async (names: readonly string[]) => {
    const f: Fields = {};
    for (const name of names) f[name] = await read();
    return f;
  };
  const packed = (await fields(head.packed)) as unknown as PackedIndex;
  const lexicon = await fields(head.lexicon);
  const slips = await fields(head.slips);
  const municipalities = await fields(head.municipalities);
  const names = (await read()) as Map<string, string>;
  const refs = (await read()) as EntryRef[];
  if (!read.done()) throw new Error("search index parts: parts left over");
  // What the index derives from its parts, each on a turn of its own (the first reload runs them cold).
  const lookup = await TermLookup.inSteps(packed, between);
  await between();
  const typos = new SynonymTypos(head.synonyms.keys);
  await between();
  const scopes = new ScopeRanges(refs);
  await between();
  const restored: SearchIndexParts = {
    packed,
    refs,
    names,
    synonyms: {
      ...head.synonyms,
      typos,
      expansionsOf: (key) => [...(expansions.get(key) ?? [])],
    },
    ...(sudachi && head.sudachiGroups !== undefined
      ? { sudachi: sudachiFromExpansions(head.sudachiGroups, sudachi) }
      : {}),
    lexicon: revive(ReadingLexicon, lexicon),
    slips: revive(SlipLexicon, slips),
    municipalities: revive(MunicipalityMatcher, municipalities),
  };
  return SearchIndex.fromParts(restored, tokenizer, { lookup, scopes });
}

/** An instance of a class whose state is its own fields, from those fields. */
function revive<T extends object>(type: { prototype: T }, fields: Fields): T {
  return Object.assign(Object.create(type.prototype) as T, fields);
}

/** A value as parts: the first says how it was cut (a map, a set or an array in slices, or whole). */
function valueParts(value: unknown): Uint8Array[] {
  const cut = (kind: string, items: readonly unknown[], size: number) => {
    const pieces: unknown[][] = [];
    for (let i = 0; i < items.length; i += size) pieces.push(items.slice(i, i + size));
    return [serialize({ kind, slices: pieces.length }), ...pieces.map((s) => serialize(s))];
  };
  if (value instanceof Map) return cut("map", [...value], ENTRY_SLICE);
  if (value instanceof Set) return cut("set", [...value], ENTRY_SLICE);
  if (Array.isArray(value)) return cut("array", value, ARRAY_SLICE);
  return [serialize({ kind: "whole", slices: 1 }), serialize(value)];
}

/** Reads values written by valueParts, one part per `between`; throws when the parts run out. */
function reader(
  parts: readonly Uint8Array[],
  between: () => Promise<void>,
): (() => Promise<unknown>) & { done(): boolean } {
  let at = 0;
  const next = async () => {
    if (at >= parts.length) throw new Error("search index parts: too few parts");
    await between();
    return deserialize(parts[at++]!) as unknown;
  };
  const read = async () => {
    const { kind, slices } = (await next()) as { kind: string; slices: number };
    const items: unknown[] = [];
    for (let i = 0; i < slices; i++) {
      const piece = await next();
      if (kind === "whole") return piece;
      for (const x of piece as unknown[]) items.push(x);
    }
    if (kind === "map") return new Map(items as [unknown, unknown][]);
    if (kind === "set") return new Set(items);
    if (kind === "array") return items;
    throw new Error(`search index parts: unknown kind ${kind}`);
  };
  return Object.assign(read, { done: () => at === parts.length });
}
