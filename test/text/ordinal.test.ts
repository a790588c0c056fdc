// Which item of the last list a message means.
import { describe, expect, it } from "vitest";
import { ordinalIn } from "../../src/text/ordinal.js";

describe("ordinalIn", () => {
  it.each([
    ["2番目を詳しく", 2],
    ["２番", 2],
    ["3", 3],
    ["1.", 1],
    ["二つ目の制度", 2],
    ["②", 2],
    ["最初のを詳しく", 1],
    ["最後の", "last"],
    ["4件目の金額", 4],
  ] as const)("%s → %s", (text, n) => {
    expect(ordinalIn(text)).toBe(n);
  });

  it.each(["第2子の保育料", "10万円", "2人目の出産", "令和6年度", "子育ての支援"])("%s names no position", (text) => {
    expect(ordinalIn(text)).toBeUndefined();
  });
});

describe("ordinalIn and 最初から", () => {
  it("「最初からやり直す」 is not the first item", () => {
    expect(ordinalIn("最初からやり直す")).toBeUndefined();
  });
});
