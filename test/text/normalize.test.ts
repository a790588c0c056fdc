// Normalization: the ways residents type the same word must meet at one key.
import { describe, expect, it } from "vitest";
import { foldKana, foldKanaSameLength, normalize, termKey } from "../../src/text/normalize.js";

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

describe("foldKana and foldKanaSameLength, as their regular expressions define them", () => {
  // The definitions the loops in normalize.ts replace (katakana → hiragana, small → full, ー after kana dropped).
  const KANA = "\u3041-\u3096\u30A1-\u30FA";
  const SMALL: Record<string, string> = { ぁ: "あ", ぃ: "い", ぅ: "う", ぇ: "え", ぉ: "お", っ: "つ", ゃ: "や" };
  Object.assign(SMALL, { ゅ: "ゆ", ょ: "よ", ゎ: "わ", ゕ: "か", ゖ: "け" });
  const same = (t: string) =>
    t
      .replace(/[\u30A1-\u30F6]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
      .replace(/[ぁぃぅぇぉっゃゅょゎゕゖ]/gu, (c) => SMALL[c] ?? c);
  const fold = (t: string) => same(t).replace(new RegExp(`(?<=[${KANA}])ー+`, "gu"), "");

  it("agrees on every UTF-16 unit, alone and around kana and ー", () => {
    const wrong: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      for (const t of [c, `あ${c}`, `${c}ー`, `ア${c}ーー${c}`])
        if (foldKanaSameLength(t) !== same(t) || foldKana(t) !== fold(t)) wrong.push(t);
    }
    expect(wrong).toEqual([]);
  });

  it("agrees on random strings of kana, long vowels and others", () => {
    const alphabet = [..."あぁアァヵヶゕゖっッーー〜-abcＡ漢字ヷヺヴゔ　 😀"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 20_000; i++) {
      let t = "";
      for (let k = Math.floor(next() * 20); k > 0; k--) t += alphabet[Math.floor(next() * alphabet.length)];
      expect([foldKanaSameLength(t), foldKana(t)]).toEqual([same(t), fold(t)]);
    }
  });
});
