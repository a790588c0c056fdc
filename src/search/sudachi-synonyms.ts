// Sudachi's synonym dictionary (sudachi-synonyms-dictionary, SudachiDict's synonyms in JSON) under the
// curated knowledge/synonyms.yaml: general Japanese, not vocabulary written for these programs.
// - nouns (体言) only; 展開制御フラグ 1: the word never triggers an expansion (バス is bath in one group and a
//   bus in another) but may be expanded to; 2: never used; a word in several groups is ambiguous and does
//   not trigger either;
// - strong (model.ts terms.sudachiStrong) only for the same 語彙番号 written as 代表語 (its spelling
//   variants and abbreviations); every other member of the group is weak (terms.sudachiWeak);
// - only groups with a member that the index has are kept, as plain maps of termKeys.
// The package's 14.5 MB JSON is read once and cut down to a compact noun-only file in
// node_modules/.cache/madoguchi (like the kuromoji dictionary); later starts read that.
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { termKey } from "../text/normalize.js";
import { MODEL } from "./model.js";
import type { QueryTerm } from "./query-groups.js";

const require = createRequire(import.meta.url);

/** One group in the compact file: per member [termKey, 語彙番号, 展開制御フラグ, 1 when 代表語 else 0]. */
type CompactGroup = [string, number, number, number][];

interface RawItem {
  taigenYogen: string;
  expandControl: number;
  vocabularyNumber: number | null | undefined;
  gokeiSyubetsu: string;
  midashi: string;
}

export interface SudachiSynonyms {
  /** The index terms a question's noun also finds, weighted below the word itself. */
  expand(key: string): QueryTerm[];
  readonly groups: number;
  /** Trigger word → the terms it expands to (what expand reads; a saved index keeps it). */
  readonly expansions: ReadonlyMap<string, QueryTerm[]>;
}

/** The compact noun groups, from the cache or (first start) from the package. */
export function loadSudachiGroups(cacheDir: string | null = defaultCacheDir()): CompactGroup[] {
  const file = cacheDir ? join(cacheDir, "nouns.json") : undefined;
  if (file) {
    try {
      return JSON.parse(readFileSync(file, "utf8")) as CompactGroup[];
    } catch {
      // not cached yet
    }
  }
  const groups = compact(JSON.parse(readFileSync(packageJsonFile(), "utf8")) as { items: RawItem[] }[]);
  if (cacheDir && file) writeCache(cacheDir, file, groups);
  return groups;
}

function compact(raw: readonly { items: RawItem[] }[]): CompactGroup[] {
  const out: CompactGroup[] = [];
  for (const g of raw) {
    const members: CompactGroup = g.items
      .filter((i) => i.taigenYogen === "体言" && i.expandControl !== 2 && !/^[\x20-\x7e]+$/u.test(i.midashi))
      .map((i) => [termKey(i.midashi), i.vocabularyNumber ?? 0, i.expandControl, i.gokeiSyubetsu === "代表語" ? 1 : 0]);
    if (members.length > 1) out.push(members);
  }
  return out;
}

/** The groups that touch the index's vocabulary, as trigger word → index terms it expands to. */
export function sudachiSynonyms(
  groups: readonly CompactGroup[],
  knownTerm: (term: string) => boolean,
): SudachiSynonyms {
  const indexTerm = (key: string) => (knownTerm(key) ? key : knownTerm(`+${key}`) ? `+${key}` : undefined);
  const groupsOf = new Map<string, number>();
  for (const g of groups) for (const [key] of g) groupsOf.set(key, (groupsOf.get(key) ?? 0) + 1);
  const expansions = new Map<string, QueryTerm[]>();
  let kept = 0;
  for (const g of groups) {
    const targets = g.map(([key]) => indexTerm(key));
    if (targets.every((t) => t === undefined)) continue;
    kept++;
    for (const [key, vocabulary, control] of g) {
      if (control !== 0 || groupsOf.get(key) !== 1) continue;
      const terms: QueryTerm[] = [];
      g.forEach(([other, otherVocabulary, , representative], k) => {
        const term = targets[k];
        if (other === key || term === undefined) return;
        const strong = otherVocabulary === vocabulary && vocabulary !== 0 && representative === 1;
        const weight = strong ? MODEL.terms.sudachiStrong : MODEL.terms.sudachiWeak;
        terms.push({ term, weight, expanded: true, general: true });
      });
      if (terms.length > 0) expansions.set(key, terms);
    }
  }
  return sudachiFromExpansions(kept, expansions);
}

/** The synonyms from their expansions (a build, or a saved index). */
export function sudachiFromExpansions(groups: number, expansions: ReadonlyMap<string, QueryTerm[]>): SudachiSynonyms {
  return { groups, expansions, expand: (key) => expansions.get(key) ?? [] };
}

function packageJsonFile(): string {
  return join(dirname(require.resolve("sudachi-synonyms-dictionary")), "sudachi-synonyms-dictionary.json");
}

function defaultCacheDir(): string {
  const root = dirname(require.resolve("sudachi-synonyms-dictionary"));
  const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
  return join(dirname(root), ".cache", "madoguchi", `sudachi-synonyms-${version}`);
}

/** Written under a temporary name and renamed: readers never see half a file. Best effort (read-only installs). */
function writeCache(dir: string, file: string, groups: CompactGroup[]): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(groups));
    renameSync(tmp, file);
  } catch {
    // every start compacts again, which is only slower
  }
}
