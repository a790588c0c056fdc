// Katakana readings → the plain romaji the knowledge ids use (imari-iju-teiju-sokushin): Hepburn without
// long-vowel marks (ジュウ → ju, コウ → ko, オオ → o), ッ doubling the next consonant, ン → n.

const MORAE: Record<string, string> = {
  ア: "a",
  イ: "i",
  ウ: "u",
  エ: "e",
  オ: "o",
  カ: "ka",
  キ: "ki",
  ク: "ku",
  ケ: "ke",
  コ: "ko",
  サ: "sa",
  シ: "shi",
  ス: "su",
  セ: "se",
  ソ: "so",
  タ: "ta",
  チ: "chi",
  ツ: "tsu",
  テ: "te",
  ト: "to",
  ナ: "na",
  ニ: "ni",
  ヌ: "nu",
  ネ: "ne",
  ノ: "no",
  ハ: "ha",
  ヒ: "hi",
  フ: "fu",
  ヘ: "he",
  ホ: "ho",
  マ: "ma",
  ミ: "mi",
  ム: "mu",
  メ: "me",
  モ: "mo",
  ヤ: "ya",
  ユ: "yu",
  ヨ: "yo",
  ラ: "ra",
  リ: "ri",
  ル: "ru",
  レ: "re",
  ロ: "ro",
  ワ: "wa",
  ヰ: "i",
  ヱ: "e",
  ヲ: "wo",
  ン: "n",
  ガ: "ga",
  ギ: "gi",
  グ: "gu",
  ゲ: "ge",
  ゴ: "go",
  ザ: "za",
  ジ: "ji",
  ズ: "zu",
  ゼ: "ze",
  ゾ: "zo",
  ダ: "da",
  ヂ: "ji",
  ヅ: "zu",
  デ: "de",
  ド: "do",
  バ: "ba",
  ビ: "bi",
  ブ: "bu",
  ベ: "be",
  ボ: "bo",
  パ: "pa",
  ピ: "pi",
  プ: "pu",
  ペ: "pe",
  ポ: "po",
  ヴ: "vu",
  ァ: "a",
  ィ: "i",
  ゥ: "u",
  ェ: "e",
  ォ: "o",
  ャ: "ya",
  ュ: "yu",
  ョ: "yo",
  ヮ: "wa",
  ヵ: "ka",
  ヶ: "ke",
};
const SMALL_Y = new Set(["ャ", "ュ", "ョ"]);
const SMALL_VOWEL = new Set(["ァ", "ィ", "ゥ", "ェ", "ォ"]);

/** Hiragana → katakana, so readings and kana surfaces go through one table. */
export function toKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

export function katakanaToRomaji(kana: string): string {
  const chars = [...toKatakana(kana)];
  let out = "";
  let double = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? "";
    const next = chars[i + 1] ?? "";
    if (c === "ッ") {
      double = true;
      continue;
    }
    if (c === "ー" || isLongVowel(c, out)) continue;
    let mora = MORAE[c];
    if (mora === undefined) continue;
    if (SMALL_Y.has(next) && mora.endsWith("i") && mora.length > 1) {
      mora = contracted(mora, MORAE[next] ?? "");
      i++;
    } else if (SMALL_VOWEL.has(next)) {
      mora = withoutVowel(mora) + (MORAE[next] ?? "");
      i++;
    }
    if (double) {
      out += mora.startsWith("ch") ? "t" : (mora[0] ?? "");
      double = false;
    }
    out += mora;
  }
  return out;
}

/** ウ after o/u and オ after o lengthen the vowel before them (Hepburn writes nothing for them here). */
function isLongVowel(c: string, before: string): boolean {
  const last = before.at(-1);
  return (c === "ウ" && (last === "o" || last === "u")) || (c === "オ" && last === "o");
}

/** キ+ャ → kya, シ+ャ → sha, チ+ョ → cho, ジ+ュ → ju. */
function contracted(mora: string, small: string): string {
  const stem = mora.slice(0, -1);
  const vowel = small.slice(1);
  return stem === "sh" || stem === "ch" || stem === "j" ? stem + vowel : `${stem}y${vowel}`;
}

/** フ+ァ → fa, テ+ィ → ti, ウ+ィ → wi. */
function withoutVowel(mora: string): string {
  if (mora === "u") return "w";
  return mora.replace(/[aiueo]$/, "");
}
