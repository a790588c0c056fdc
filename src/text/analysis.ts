// A message analysed once per turn: made at the top of the conversation engine (or by the search for a
// bare question) and passed to intents, search and answers, so nothing normalises or tokenises it again.
import type { JapaneseTokenizer } from "./tokenizer.js";
import { analyzeWords, type AnalyzedWord } from "./analyze.js";
import { normalize } from "./normalize.js";

export interface Analysis {
  /** The message as received. */
  text: string;
  /** normalize(text): NFKC, lower case, long-vowel look-alikes, one kind of space. */
  normalized: string;
  /** kuromoji's words with base forms, readings and search roles. */
  words: readonly AnalyzedWord[];
  /** Stretches of hiragana words (start and end word positions): where kuromoji's reading is least sure. */
  hiraganaRuns: readonly { first: number; last: number }[];
}

export function analyzeMessage(text: string, tokenizer: JapaneseTokenizer): Analysis {
  const words = analyzeWords(text, tokenizer);
  return { text, normalized: normalize(text), words, hiraganaRuns: hiraganaRuns(words) };
}

function hiraganaRuns(words: readonly AnalyzedWord[]): { first: number; last: number }[] {
  const runs: { first: number; last: number }[] = [];
  let first = -1;
  words.forEach((w, i) => {
    const kana = /^[\u3041-\u3096ー]+$/u.test(w.surface);
    if (kana && first < 0) first = i;
    if (!kana && first >= 0) {
      runs.push({ first, last: i - 1 });
      first = -1;
    }
  });
  if (first >= 0) runs.push({ first, last: words.length - 1 });
  return runs;
}
