// Readable, stable ids for imported programs: "<municipality slug>-<romaji of the name>", e.g.
// 移住・定住促進事業 of 伊万里市 → imari-iju-teiju-sokushin. The trailing 事業 is dropped (almost every
// name ends with it); suffixes such as 児 or 費 join the word before them.
import { katakanaToRomaji, toKatakana } from "./romaji.js";

/** The few token fields the id needs; the text layer's JapaneseTokenizer satisfies this. */
export interface ReadingTokenizer {
  tokenize(text: string): { surface: string; reading?: string; pos: string; posDetail: string }[];
}

const MAX_LENGTH = 60;

export function romajiWords(name: string, tokenizer: ReadingTokenizer): string[] {
  const words: string[] = [];
  for (const t of tokenizer.tokenize(name.normalize("NFKC"))) {
    const roman = tokenRomaji(t);
    if (!roman) continue;
    if (t.posDetail === "接尾" && words.length > 0) words[words.length - 1] += roman;
    else words.push(roman);
  }
  if (words.length > 1 && words.at(-1) === "jigyo") words.pop();
  return words;
}

function tokenRomaji(t: { surface: string; reading?: string; pos: string }): string {
  if (t.pos === "記号") return "";
  if (/^[A-Za-z0-9]+$/.test(t.surface)) return t.surface.toLowerCase();
  const kana = t.reading ?? (/^[\u3041-\u30ff]+$/.test(t.surface) ? toKatakana(t.surface) : "");
  return katakanaToRomaji(kana).replace(/[^a-z0-9]/g, "");
}

/** "imari" + words → "imari-iju-teiju-sokushin", cut at a word boundary to stay readable. */
export function programId(prefix: string, words: string[]): string {
  let id = prefix;
  for (const w of words) {
    if (id.length + w.length + 1 > MAX_LENGTH) break;
    id = `${id}-${w}`;
  }
  return id;
}

/** Makes ids unique within one draft: the second 'x' becomes 'x-2'. */
export function uniqueIds(ids: string[], taken: ReadonlySet<string> = new Set()): string[] {
  const used = new Set(taken);
  return ids.map((id) => {
    let candidate = id;
    for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
    used.add(candidate);
    return candidate;
  });
}
