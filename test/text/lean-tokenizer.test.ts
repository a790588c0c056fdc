// The lean tokenizer (a reused lattice over kuromoji's dictionary) gives exactly stock kuromoji's tokens:
// on every text the project has (knowledge, question sets, FAQ files, intents, dialogue fixtures, each as
// written and as the analysis normalises it), on seeded random strings of every character class, and on
// the shapes it hands to kuromoji itself (surrogate pairs, lone surrogates).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { IpadicFeatures, Tokenizer } from "kuromoji";
import { defaultDictionaryDir, loadKuromojiDictionary } from "../../src/text/kuromoji-dictionary.js";
import { LeanTokenizer, toJapaneseToken } from "../../src/text/lean-tokenizer.js";
import { canonicalSpelling } from "../../src/text/spelling-variants.js";
import { normalize } from "../../src/text/normalize.js";

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, "..", "..");
let stock: Tokenizer<IpadicFeatures>;
let lean: LeanTokenizer;

beforeAll(async () => {
  const kuromoji = require("kuromoji") as typeof import("kuromoji");
  stock = await new Promise<Tokenizer<IpadicFeatures>>((resolve, reject) =>
    kuromoji.builder({ dicPath: defaultDictionaryDir() }).build((err, t) => (err ? reject(err) : resolve(t))),
  );
  lean = new LeanTokenizer((await loadKuromojiDictionary()).tokenizer);
}, 60_000);

/** Every line of every text file under the directories (YAML, JSON lines, CSV), and each JSON line's strings. */
function projectTexts(): Set<string> {
  const texts = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ya?ml|jsonl|csv)$/.test(name))
        for (const line of readFileSync(path, "utf8").split("\n")) {
          texts.add(line);
          if (name.endsWith(".jsonl") && line.trim())
            for (const v of Object.values(JSON.parse(line) as object)) if (typeof v === "string") texts.add(v);
        }
    }
  };
  for (const dir of ["knowledge", "intents", "test/fixtures"]) walk(join(ROOT, dir));
  for (const t of [...texts]) texts.add(canonicalSpelling(normalize(t)));
  return texts;
}

/** Texts that differ from stock kuromoji's tokens (at most a few shown). */
function differing(texts: Iterable<string>): string[] {
  const wrong: string[] = [];
  for (const text of texts) {
    const expected = JSON.stringify(stock.tokenize(text).map(toJapaneseToken));
    if (JSON.stringify(lean.tokenize(text)) !== expected && wrong.push(text) >= 5) break;
  }
  return wrong;
}

const ALPHABET = [
  ..."あいうかがきっゃょーんをアイヴカッャョーン子育支援不妊治療市役所申請金額保育園学童児童手当年月日円万千一二三〇",
  ..."abcXYZ019０１ＡＢａｂ !?！？、。・（）「」〜～-/／％&＠\u3000\t\nｱｶﾞｰ",
];

function randomTexts(count: number): string[] {
  let seed = 14;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () => {
    let text = "";
    for (let k = 1 + Math.floor(next() * 40); k > 0; k--) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
    return text;
  });
}

describe("leanTokenizer", () => {
  it("gives stock kuromoji's tokens for every text the project has, as written and normalised", () => {
    const texts = projectTexts();
    expect(texts.size).toBeGreaterThan(5000);
    expect(differing(texts)).toEqual([]);
  }, 60_000);

  it("gives stock kuromoji's tokens for random strings of every character class", () => {
    expect(differing(randomTexts(5000))).toEqual([]);
  }, 60_000);

  it("hands surrogate pairs and lone surrogates to kuromoji, which reads U+FFFD for a lone one", () => {
    expect(differing(["𠮷野家で食べた", "絵文字😀です。子育て", "。、", "、"])).toEqual([]);
    expect(lean.tokenize("a\ud94ab").map((t) => t.surface)).toEqual(
      stock.tokenize("a\uFFFDb").map((t) => t.surface_form),
    );
  });

  it("shares one frozen token per dictionary entry (the memo hands out copies)", () => {
    const [a] = lean.tokenize("子育て");
    const [b] = lean.tokenize("子育て支援");
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
  });
});
