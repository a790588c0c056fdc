// The Japanese tokenizer: kuromoji with IPADIC, created once at start-up (loading its dictionary takes a few
// hundred milliseconds) and passed to whatever needs it as a plain object. Never a module global.
import { loadKuromojiDictionary, type DictionaryLoadOptions } from "./kuromoji-dictionary.js";
import { memoizeTokenizer } from "./tokenize-memo.js";
import { LeanTokenizer } from "./lean-tokenizer.js";

/** One morpheme as kuromoji reads it, in the fields the rest of the code uses. */
export interface JapaneseToken {
  surface: string;
  /** Dictionary (base) form: 預け → 預ける. The surface for unknown words. */
  base: string;
  /** Katakana reading, when the dictionary knows the word. */
  reading?: string;
  /** Part of speech and its first sub-category, e.g. 名詞 / 接尾. */
  pos: string;
  posDetail: string;
  /** A place name (IPADIC 固有名詞・地域: 東京, 福岡, 大連). */
  place?: boolean;
  /** false for words not in the dictionary (kuromoji guessed their boundaries). */
  known: boolean;
}

export interface JapaneseTokenizer {
  tokenize(text: string): JapaneseToken[];
  /** Every katakana reading the dictionary has for the word `surface` (病: ヤマイ, ビョウ, ヘイ); [] for none. */
  readings(surface: string): readonly string[];
  /** How the dictionary was read ("cache": pre-decompressed files; "gzip": kuromoji's own files). */
  readonly dictionarySource: "cache" | "gzip";
}

export type TokenizerOptions = DictionaryLoadOptions;

export async function createJapaneseTokenizer(options: TokenizerOptions = {}): Promise<JapaneseTokenizer> {
  const { tokenizer, source } = await loadKuromojiDictionary(options);
  // kuromoji's tokens through a lattice that is reused (lean-tokenizer.ts): the same tokens, far less garbage.
  const lean = new LeanTokenizer(tokenizer);
  return memoizeTokenizer({
    dictionarySource: source,
    tokenize: (text: string) => (text === "" ? [] : (lean.tokenize(text) as JapaneseToken[])),
    readings: (surface: string) => lean.readings(surface),
  });
}
