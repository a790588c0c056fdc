// The last few texts' tokens, kept so a message read by several parts of a turn (the intent classifier, the
// search's analysis, the question's topic words, the scope check's second search) goes through kuromoji's
// lattice once, not four times. Callers get their own copies of the tokens; the texts are a few recent
// messages held in memory only (never logged or written anywhere), replaced as new ones come.
import type { JapaneseToken, JapaneseTokenizer } from "./tokenizer.js";

/** Recent texts kept: a turn reads one message (and a few words of it) several times. */
export const MEMO_TEXTS = 16;

export function memoizeTokenizer(tokenizer: JapaneseTokenizer, size: number = MEMO_TEXTS): JapaneseTokenizer {
  const recent = new Map<string, readonly JapaneseToken[]>();
  return {
    get dictionarySource() {
      return tokenizer.dictionarySource;
    },
    readings: (surface) => tokenizer.readings(surface),
    tokenize(text: string): JapaneseToken[] {
      let tokens = recent.get(text);
      if (tokens) {
        recent.delete(text); // most recent last
      } else {
        tokens = tokenizer.tokenize(text);
        if (recent.size >= size) recent.delete(recent.keys().next().value!);
      }
      recent.set(text, tokens);
      return tokens.map((t) => ({ ...t }));
    },
  };
}
