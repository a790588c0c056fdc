import { describe, expect, it } from "vitest";
import { splitText } from "../../src/channels/line/split-text.js";

describe("splitText", () => {
  it("keeps a short text whole and splits a long one at line breaks", () => {
    expect(splitText("こんにちは", 10, 5)).toEqual(["こんにちは"]);
    expect(splitText("一行目です\n二行目です\n三行目", 12, 5)).toEqual(["一行目です\n二行目です", "三行目"]);
  });

  it("never cuts a surrogate pair, and ends the last allowed part with 「…」", () => {
    const parts = splitText("あ😀".repeat(10), 4, 2);
    expect(parts).toHaveLength(2);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(4);
      expect(p).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    expect(parts[1]!.endsWith("…")).toBe(true);
  });
});
