// The tokenizer factory: kuromoji's dictionary read from the .gz files the first time, from the decompressed
// cache afterwards, with the same segmentation either way; a damaged cache is ignored, not trusted.
import { mkdtemp, rm, truncate } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createJapaneseTokenizer } from "../../src/text/tokenizer.js";

const SENTENCES = ["不妊治療の助成制度はありますか", "ﾌｧﾐﾘｰｻﾎﾟｰﾄを使いたい", "学童保育に入りたい"];
let cacheDir: string;

afterAll(async () => {
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
});

describe("createJapaneseTokenizer", () => {
  it("decompresses once, then reads the cache, segmenting identically", async () => {
    cacheDir = await mkdtemp(join(tmpdir(), "madoguchi-dict-"));
    const first = await createJapaneseTokenizer({ cacheDir });
    const second = await createJapaneseTokenizer({ cacheDir });
    expect(first.dictionarySource).toBe("gzip");
    expect(second.dictionarySource).toBe("cache");
    for (const s of SENTENCES) expect(second.tokenize(s)).toEqual(first.tokenize(s));
    expect(first.tokenize("預けたい").map((t) => t.base)).toEqual(["預ける", "たい"]);
  });

  it("ignores a cache whose files do not have the recorded sizes", async () => {
    await truncate(join(cacheDir, "tid.dat"), 10);
    const tokenizer = await createJapaneseTokenizer({ cacheDir });
    expect(tokenizer.dictionarySource).toBe("gzip");
    expect(tokenizer.tokenize("子育て支援センター").map((t) => t.surface)).toEqual(["子育て", "支援", "センター"]);
  });

  it("works without a cache at all", async () => {
    const tokenizer = await createJapaneseTokenizer({ cacheDir: null });
    expect(tokenizer.dictionarySource).toBe("gzip");
    expect(tokenizer.tokenize("")).toEqual([]);
  });

  it.each([
    ["病", ["ビョウ", "ヤマイ"]],
    ["牛", ["ギュウ", "ウシ"]],
    ["児", ["ジ", "コ"]],
  ])(
    "gives every reading the dictionary has for %s (kuromoji reads it alone by one of them)",
    async (kanji, readings) => {
      const tokenizer = await createJapaneseTokenizer({ cacheDir: null });
      expect(tokenizer.readings(kanji)).toEqual(expect.arrayContaining(readings));
      expect(readings).toContain(tokenizer.tokenize(kanji)[0]!.reading);
    },
  );

  it("gives no reading for a text that is not one dictionary word", async () => {
    const tokenizer = await createJapaneseTokenizer({ cacheDir: null });
    expect(tokenizer.readings("")).toEqual([]);
    expect(tokenizer.readings("病児保育事業")).toEqual([]);
    expect(tokenizer.readings("ｘｙｚ")).toEqual([]);
  });
});
