// Synonyms compiled for matching: every word of knowledge/synonyms.yaml → the document words it also
// searches for, each analyzed once into index terms. A question matches a synonym word when the word occurs
// in the question's folded text (学童保育, がくどう after reading rewrite) or equals a token's base form
// (もらえ → もらえる).
import { SynonymTypos } from "./synonym-typos.js";
import { access } from "node:fs/promises";
import { join } from "node:path";
import type { JapaneseTokenizer } from "../text/tokenizer.js";
import { analyzeWords, wordTerms, compoundTerms } from "../text/analyze.js";
import { termKey } from "../text/normalize.js";
import type { SynonymGroup } from "../knowledge/synonyms-schema.js";
import { KnowledgeError } from "../knowledge/problems.js";

/** A document word a synonym leads to, as the terms it is searched by. */
export interface Expansion {
  text: string;
  /**
   * What must match for the expansion to be found, in proportion: its word for a one-word expansion, its
   * neighbouring-word compounds for a phrase (留守家庭児童クラブ: +留守家庭, +家庭児童, +児童くらぶ), so a
   * phrase is not found by one generic word of it (地域 of 地域づくり).
   */
  words: string[];
  /** Everything to search: words, readings, compounds. */
  terms: string[];
  /** It names a thing (a noun of it is content): 融資 for 借りる makes a verb a topic; 受け取る for もらえる does not. */
  noun: boolean;
}

export interface CompiledSynonyms {
  /** Synonym words by termKey, longest first (for leftmost-longest matching). */
  readonly keys: readonly string[];
  /**
   * What to look for in a question: every synonym word as written (text = key) and as its words' base
   * forms joined (店を始める for 店を始めたい), each with the synonym word (termKey) it stands for.
   */
  readonly patterns: readonly { text: string; key: string }[];
  expansionsOf(key: string): readonly Expansion[];
  /** The words that lead to expansions, as the file spells them (for the reading lexicon). */
  readonly sourceWords: readonly string[];
  /** The file's words one character off (学道保育 → 学童保育). */
  readonly typos: SynonymTypos;
}

export function compileSynonyms(groups: readonly SynonymGroup[], tokenizer: JapaneseTokenizer): CompiledSynonyms {
  const byKey = new Map<string, Map<string, Expansion>>();
  const analyzed = new Map<string, Expansion>();
  const expansion = (text: string): Expansion => {
    let e = analyzed.get(text);
    if (!e) {
      const words = analyzeWords(text, tokenizer);
      const content = words.filter((w) => w.role === "content").map((w) => w.key);
      const compounds = compoundTerms(words);
      e = {
        text,
        words: compounds.length > 0 ? compounds : content,
        terms: [...new Set([...wordTerms(words), ...compounds])],
        noun: words.some((w) => w.role === "content" && w.pos === "名詞"),
      };
      analyzed.set(text, e);
    }
    return e;
  };
  const link = (from: string, to: string) => {
    const key = termKey(from);
    if (key === "" || termKey(to) === key) return;
    const e = expansion(to);
    if (e.terms.length === 0) return;
    if (!byKey.has(key)) byKey.set(key, new Map());
    byKey.get(key)!.set(to, e);
  };
  for (const g of groups) {
    for (const a of g.same ?? []) for (const b of g.same ?? []) link(a, b);
    for (const w of g.words ?? []) for (const m of g.means ?? []) link(w, m);
  }
  const sourceWords = [...new Set(groups.flatMap((g) => [...(g.same ?? []), ...(g.words ?? [])]))];
  const keys = [...byKey.keys()].sort((a, b) => b.length - a.length);
  const baseForms = sourceWords
    .filter((w) => byKey.has(termKey(w)))
    .map((w) => ({
      text: analyzeWords(w, tokenizer)
        .map((t) => t.key)
        .join(""),
      key: termKey(w),
    }))
    .filter((b) => b.text !== b.key && b.text.length > 1);
  const patterns = [...keys.map((key) => ({ text: key, key })), ...baseForms];
  return {
    keys,
    patterns,
    sourceWords,
    typos: new SynonymTypos(keys),
    expansionsOf: (key) => [...(byKey.get(key)?.values() ?? [])],
  };
}

/**
 * The synonyms file for a knowledge directory: its own synonyms.yaml, else the fallback (the bundled one),
 * so a directory holding only an FAQ CSV still understands everyday words.
 */
export async function loadSynonyms(dir: string, fallbackFile?: string): Promise<SynonymGroup[]> {
  const own = join(dir, "synonyms.yaml");
  const file = (await exists(own)) ? own : fallbackFile && (await exists(fallbackFile)) ? fallbackFile : undefined;
  if (!file) return [];
  // Imported here, not above: the schema brings zod and the YAML parser (≈ 150 ms of start-up), which a
  // start from a saved index never needs.
  const { readSynonymsFile } = await import("../knowledge/synonyms-schema.js");
  const { groups, problems } = await readSynonymsFile(file);
  if (problems.length > 0) throw new KnowledgeError(problems);
  return groups;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
