// A message read several times in a turn goes through kuromoji once: the memo answers a recent text with the
// same tokens (each caller its own copies), forgets the oldest texts past its size, and reads new ones.
import { beforeAll, describe, expect, it } from "vitest";
import { createJapaneseTokenizer, type JapaneseTokenizer } from "../../src/text/tokenizer.js";
import { memoizeTokenizer } from "../../src/text/tokenize-memo.js";

let kuromoji: JapaneseTokenizer;
beforeAll(async () => {
  kuromoji = await createJapaneseTokenizer();
});

function counted() {
  const read: string[] = [];
  const inner: JapaneseTokenizer = {
    dictionarySource: kuromoji.dictionarySource,
    readings: (surface) => kuromoji.readings(surface),
    tokenize: (text) => {
      read.push(text);
      return kuromoji.tokenize(text);
    },
  };
  return { read, tokenizer: memoizeTokenizer(inner, 2) };
}

describe("the tokenizer memo", () => {
  it("reads a text once while it is recent, and gives each caller its own tokens", () => {
    const { read, tokenizer } = counted();
    const first = tokenizer.tokenize("保育園に入りたい");
    first[0]!.surface = "changed";
    const again = tokenizer.tokenize("保育園に入りたい");
    expect(again.map((t) => t.surface)).toEqual(["保育園", "に", "入り", "たい"]);
    expect(again).toEqual(kuromoji.tokenize("保育園に入りたい"));
    expect(read).toEqual(["保育園に入りたい"]);
  });

  it("forgets the least recent text past its size", () => {
    const { read, tokenizer } = counted();
    for (const text of ["児童手当", "移住支援", "児童手当", "ごみ", "移住支援", "児童手当"]) tokenizer.tokenize(text);
    expect(read).toEqual(["児童手当", "移住支援", "ごみ", "移住支援", "児童手当"]);
  });
});
