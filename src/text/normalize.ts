// Text normalization for matching. Two levels:
// - normalize(): what kuromoji reads. NFKC (full-width ASCII and half-width kana become standard), lower
//   case, one kind of space, and the dashes and tildes people type for a long vowel inside a kana word
//   become ー. Katakana stays katakana, because kuromoji segments katakana words far better than hiragana.
// - foldKana(): the key that index terms and query terms are compared by. Katakana → hiragana, small kana →
//   full size, the long-vowel mark after kana dropped, so ファミリーサポート, ふぁみりーさぽーと and
//   ﾌｧﾐﾘｰｻﾎﾟｰﾄ all become ふあみりさぽと.

const KANA = "\u3041-\u3096\u30A1-\u30FA";
/** Dash-like characters that stand for ー after a kana (サポ-ト, ファミリ〜, ｻﾎﾟｰﾄ after NFKC is fine). */
const LONG_VOWEL_LOOKALIKES = new RegExp(`(?<=[${KANA}ー])[-‐‑‒–—―−﹣~〜～]+(?=[${KANA}]|$|[\\s、。！？!?])`, "gu");
const SPACES = /[\s\u3000]+/gu;

export function normalize(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(LONG_VOWEL_LOOKALIKES, "ー")
    .replace(/ー{2,}/gu, "ー")
    .replace(SPACES, " ")
    .trim();
}

const SMALL_TO_FULL: Record<string, string> = {
  ぁ: "あ",
  ぃ: "い",
  ぅ: "う",
  ぇ: "え",
  ぉ: "お",
  っ: "つ",
  ゃ: "や",
  ゅ: "ゆ",
  ょ: "よ",
  ゎ: "わ",
  ゕ: "か",
  ゖ: "け",
};
const SMALL_KANA = /[ぁぃぅぇぉっゃゅょゎゕゖ]/gu;
const KATAKANA = /[\u30A1-\u30F6]/gu;
const LONG_VOWEL_AFTER_KANA = new RegExp(`(?<=[${KANA}])ー+`, "gu");

/** Katakana → hiragana, small kana → full size, one character for one (offsets stay those of the input). */
export function foldKanaSameLength(text: string): string {
  return text
    .replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(SMALL_KANA, (c) => SMALL_TO_FULL[c] ?? c);
}

/** Katakana → hiragana, small kana → full size, ー after kana removed. Other characters are kept. */
export function foldKana(text: string): string {
  return foldKanaSameLength(text).replace(LONG_VOWEL_AFTER_KANA, "");
}

/** The comparison key of a word: normalize + foldKana, without spaces. */
export function termKey(text: string): string {
  let key = KEYS.get(text);
  if (key === undefined) {
    key = foldKana(normalize(text)).replace(/ /gu, "");
    if (KEYS.size >= KEY_CACHE_SIZE) KEYS.clear();
    KEYS.set(text, key);
  }
  return key;
}

/** Keys of recent words: a pure function's memo (indexing calls it for every token of every entry). */
const KEYS = new Map<string, string>();
const KEY_CACHE_SIZE = 100_000;

/** Hiragana only (after folding, so katakana counts too); ー allowed. */
export function isKana(text: string): boolean {
  return /^[\u3041-\u3096\u30A1-\u30FAー]+$/u.test(text);
}

export function isHiragana(text: string): boolean {
  return /^[\u3041-\u3096ー]+$/u.test(text);
}

export function hasKanji(text: string): boolean {
  return /[\u3400-\u9FFF\uF900-\uFAFF々〆]/u.test(text);
}

export function hasKana(text: string): boolean {
  return /[\u3041-\u3096\u30A1-\u30FA]/u.test(text);
}
