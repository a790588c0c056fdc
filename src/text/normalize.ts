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

/** Small kana → full size, by UTF-16 unit (after katakana became hiragana: ァ → ぁ → あ). */
const SMALL_TO_FULL: Readonly<Record<number, number>> = Object.fromEntries(
  [..."ぁあぃいぅうぇえぉおっつゃやゅゆょよゎわゕかゖけ"]
    .map((c) => c.charCodeAt(0))
    .flatMap((code, i, codes) => (i % 2 === 0 ? [[code, codes[i + 1]!]] : [])),
);
const KATAKANA_FIRST = 0x30a1; // ァ
const KATAKANA_LAST = 0x30f6; // ヶ
const LONG_VOWEL = 0x30fc; // ー

/** The folded unit: katakana → hiragana, then small → full size. */
function foldUnit(code: number): number {
  const hiragana = code >= KATAKANA_FIRST && code <= KATAKANA_LAST ? code - 0x60 : code;
  return SMALL_TO_FULL[hiragana] ?? hiragana;
}

/** A kana (the KANA class above: ぁ–ゖ, ァ–ヺ). */
const isKanaUnit = (code: number) => (code >= 0x3041 && code <= 0x3096) || (code >= 0x30a1 && code <= 0x30fa);

/**
 * Katakana → hiragana, small kana → full size, one character for one (offsets stay those of the input).
 * A loop over UTF-16 units, not regular-expression replaces with a callback per kana: it runs on every
 * word and message several times a turn, and returns the input itself when nothing changes.
 */
export function foldKanaSameLength(text: string): string {
  return foldUnits(text, false);
}

/** Katakana → hiragana, small kana → full size, ー after kana removed. Other characters are kept. */
export function foldKana(text: string): string {
  return foldUnits(text, true);
}

/** Both folds; with `dropLongVowels`, a run of ー right after a kana (as folded) is left out. */
function foldUnits(text: string, dropLongVowels: boolean): string {
  let i = 0;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (
      foldUnit(code) !== code ||
      (dropLongVowels && code === LONG_VOWEL && i > 0 && isKanaUnit(foldUnit(text.charCodeAt(i - 1))))
    )
      break;
  }
  if (i === text.length) return text;
  const out: number[] = [];
  for (let k = 0; k < i; k++) out.push(text.charCodeAt(k));
  for (; i < text.length; i++) {
    const code = foldUnit(text.charCodeAt(i));
    if (dropLongVowels && code === LONG_VOWEL && out.length > 0 && isKanaUnit(out[out.length - 1]!)) {
      while (i + 1 < text.length && text.charCodeAt(i + 1) === LONG_VOWEL) i++;
      continue;
    }
    out.push(code);
  }
  let folded = "";
  for (let k = 0; k < out.length; k += 4096) folded += String.fromCharCode(...out.slice(k, k + 4096));
  return folded;
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
