// Normalization: the ways residents type the same word must meet at one key.
import { describe, expect, it } from "vitest";
import { foldKana, normalize, termKey } from "../../src/text/normalize.js";

describe("normalize", () => {
  it.each([
    ["ﾌｧﾐﾘｰｻﾎﾟｰﾄ", "ファミリーサポート"], // half-width katakana, voiced marks joined
    ["ＧＩＧＡスクール", "gigaスクール"], // full-width letters, lower case
    ["１０万円", "10万円"],
    ["サポ－ト", "サポート"], // full-width hyphen typed for ー
    ["ファミリ〜サポート", "ファミリーサポート"], // wave dash typed for ー
    ["エリアワゴン　運賃", "エリアワゴン 運賃"], // ideographic space
    ["  移住   支援金 ", "移住 支援金"],
    ["R2 ~ R6", "r2 ~ r6"], // a tilde between letters is not a long vowel
  ])("%s → %s", (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });
});

describe("termKey folds katakana, hiragana, widths, small kana and long vowels together", () => {
  it.each([
    ["ファミリーサポート", "ふぁみりーさぽーと", "ﾌｧﾐﾘｰｻﾎﾟｰﾄ", "ファミリサポート"],
    ["コミュニティバス", "こみゅにてぃばす", "ｺﾐｭﾆﾃｨﾊﾞｽ", "コミュニティーバス"],
    ["タクシー", "たくしー", "ﾀｸｼｰ", "タクシ"],
  ])("%s", (...spellings) => {
    const keys = new Set(spellings.map(termKey));
    expect(keys.size).toBe(1);
  });

  it("keeps kanji and distinguishes voiced kana", () => {
    expect(foldKana("不妊治療")).toBe("不妊治療");
    expect(termKey("バス")).not.toBe(termKey("パス"));
  });
});
