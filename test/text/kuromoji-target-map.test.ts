// The lazily read word → token-info map: the same ids as kuromoji's own reader for every word of IPADIC,
// and a tokenizer built on it segments the project's questions exactly as stock kuromoji does.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { IpadicFeatures, Tokenizer } from "kuromoji";
import { lazyTargetMap } from "../../src/text/kuromoji-target-map.js";
import { defaultDictionaryDir, loadKuromojiDictionary } from "../../src/text/kuromoji-dictionary.js";

const require = createRequire(import.meta.url);
const tidMap = () => new Uint8Array(gunzipSync(readFileSync(join(defaultDictionaryDir(), "tid_map.dat.gz"))));

describe("lazyTargetMap", () => {
  it("gives every word id the token-info ids kuromoji's own reader gives it", () => {
    const Stock = require("kuromoji/src/dict/TokenInfoDictionary") as new () => {
      loadTargetMap(b: Uint8Array): unknown;
      target_map: Record<number, number[]>;
    };
    const stock = new Stock();
    stock.loadTargetMap(tidMap());
    const lazy = lazyTargetMap(tidMap())!;
    const ids = Object.keys(stock.target_map).map(Number);
    expect(ids.length).toBeGreaterThan(300_000);
    for (const id of ids)
      if (JSON.stringify(lazy[id]) !== JSON.stringify(stock.target_map[id]))
        expect([id, lazy[id]]).toEqual([id, stock.target_map[id]]);
    expect(lazy[-1]).toBeUndefined();
    expect(lazy[ids.reduce((a, b) => Math.max(a, b)) + 1]).toBeUndefined();
  });

  it("refuses a file that is not in the expected shape (kuromoji's own reader is used instead)", () => {
    const bytes = tidMap();
    const overrun = new Int32Array(bytes.buffer.slice(0));
    overrun[2] = 1e9;
    expect(lazyTargetMap(new Uint8Array(overrun.buffer))).toBeUndefined();
    const trailing = new Int32Array(bytes.buffer.slice(0));
    trailing[trailing.length - 1] = 7;
    expect(lazyTargetMap(new Uint8Array(trailing.buffer))).toBeUndefined();
  });
});

describe("a tokenizer on the lazy map", () => {
  it("segments every question of the project's question sets exactly as stock kuromoji", async () => {
    const kuromoji = require("kuromoji") as typeof import("kuromoji");
    const stock = await new Promise<Tokenizer<IpadicFeatures>>((resolve, reject) =>
      kuromoji.builder({ dicPath: defaultDictionaryDir() }).build((err, t) => (err ? reject(err) : resolve(t))),
    );
    const { tokenizer: ours } = await loadKuromojiDictionary();
    const dir = join(import.meta.dirname, "..", "fixtures", "search");
    const questions = [
      "heldout-questions.jsonl",
      "heldout-questions-2.jsonl",
      "heldout-3.jsonl",
      "heldout-4.jsonl",
    ].flatMap((f) =>
      readFileSync(join(dir, f), "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { q: string }).q),
    );
    expect(questions.length).toBeGreaterThan(300);
    for (const q of [...questions, "ﾌｧﾐﾘｰｻﾎﾟｰﾄ", "𠮷野家で食べた"]) expect(ours.tokenize(q)).toEqual(stock.tokenize(q));
  }, 30_000);
});
