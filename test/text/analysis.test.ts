// The one Analysis of a message: what the engine's steps read instead of normalising or tokenising again.
import { beforeAll, describe, expect, it } from "vitest";
import { createJapaneseTokenizer, type JapaneseTokenizer } from "../../src/text/tokenizer.js";
import { analyzeMessage } from "../../src/text/analysis.js";
import { analyzeWords } from "../../src/text/analyze.js";
import { normalize, termKey } from "../../src/text/normalize.js";
import { MunicipalityMatcher } from "../../src/search/municipality-mention.js";

let tokenizer: JapaneseTokenizer;
beforeAll(async () => {
  tokenizer = await createJapaneseTokenizer();
});

const municipalities = new MunicipalityMatcher([
  { name: "伊万里市", reading: "いまりし" },
  { name: "飯塚市", reading: "いいづかし" },
]);

describe("analyzeMessage", () => {
  it("holds the normalized text, its keys and the words the search reads", () => {
    const a = analyzeMessage("ｺﾐｭﾆﾃｨﾊﾞｽの　運賃", tokenizer);
    expect(a.normalized).toBe(normalize("ｺﾐｭﾆﾃｨﾊﾞｽの　運賃"));
    expect(a.key).toBe(termKey("ｺﾐｭﾆﾃｨﾊﾞｽの　運賃"));
    expect(a.folded).toHaveLength(a.normalized.length); // offsets in folded (where cues are found) are offsets in normalized; small kana become full size
    expect(a.folded.startsWith("こみゆにていばす")).toBe(true);
    expect(a.words).toEqual(analyzeWords("ｺﾐｭﾆﾃｨﾊﾞｽの　運賃", tokenizer));
  });

  it("tokenizes the spelling kuromoji can read (障がい → 障害), for intents and search alike", () => {
    const a = analyzeMessage("障がい児の支援", tokenizer);
    expect(a.tokens.map((t) => t.base)).toContain("障害");
    expect(a.normalized).toBe("障がい児の支援"); // quoted back as written
  });

  it("finds every municipality named, with spans in the normalized text", () => {
    const a = analyzeMessage("伊万里と飯塚市の婚活", tokenizer, municipalities);
    expect(a.mentions).toEqual([
      { municipality: "伊万里市", start: 0, end: 3 },
      { municipality: "飯塚市", start: 4, end: 7 },
    ]);
    expect(analyzeMessage("伊万里と飯塚市の婚活", tokenizer).mentions).toEqual([]);
  });

  it.each([
    ["②", 2],
    ["２番目を詳しく", 2],
    ["最後の", "last"],
    ["第2子の保育料", undefined],
  ] as const)("reads the list position of %s", (text, ordinal) => {
    expect(analyzeMessage(text, tokenizer).ordinal).toBe(ordinal);
  });
});
