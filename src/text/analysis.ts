// A message analysed once per turn: made at the top of the conversation engine (or by the search for a
// bare question) and passed to intents, search and answers, so nothing normalises or tokenises it again.
// Texts a turn derives from the message (the message without its aspect cues, the last question asked
// again) are other texts: each gets an Analysis of its own.
import type { JapaneseToken, JapaneseTokenizer } from "./tokenizer.js";
import { spelledForTokenizer, wordsOf, type AnalyzedWord } from "./analyze.js";
import { foldKana, foldKanaSameLength, normalize } from "./normalize.js";
import { ordinalOf, type Ordinal } from "./ordinal.js";

/** A municipality named in a text, with its span in the text's normalize(). */
export interface Mention {
  municipality: string;
  start: number;
  end: number;
}

/** Finds the leftmost (then longest) municipality name in a normalized text (search/municipality-mention.ts). */
export interface MentionFinder {
  find(normalized: string): Mention | undefined;
}

export interface Analysis {
  /** The message as received. */
  text: string;
  /** normalize(text): NFKC, lower case, long-vowel look-alikes, one kind of space. */
  normalized: string;
  /** normalized with katakana folded to hiragana, one unit for one (offsets are normalized's): cues match it. */
  folded: string;
  /** termKey(text): the whole message's comparison key (kana folded, long vowels and spaces left out). */
  key: string;
  /** kuromoji's tokens of the normalized text (spelling variants rewritten: analyze.ts). */
  tokens: readonly JapaneseToken[];
  /** The same tokens with base forms as keys, readings and search roles. */
  words: readonly AnalyzedWord[];
  /** Stretches of hiragana words (start and end word positions): where kuromoji's reading is least sure. */
  hiraganaRuns: readonly { first: number; last: number }[];
  /** Every municipality the text names, leftmost first (none when analysed without a MentionFinder). */
  mentions: readonly Mention[];
  /** The list position the text names (「2番目」「最後の」), if any. */
  ordinal: Ordinal | undefined;
}

export function analyzeMessage(text: string, tokenizer: JapaneseTokenizer, municipalities?: MentionFinder): Analysis {
  return new MessageAnalysis(text, tokenizer.tokenize(spelledForTokenizer(text)), municipalities);
}

/**
 * The keys, mentions and list position are made on first read, then kept: the dialogue reads them all,
 * the search for a bare question none (a few microseconds a question, against a query cost of 0.2 ms).
 */
class MessageAnalysis implements Analysis {
  readonly normalized: string;
  readonly words: readonly AnalyzedWord[];
  readonly hiraganaRuns: readonly { first: number; last: number }[];
  private made: {
    folded?: string;
    key?: string;
    mentions?: readonly Mention[];
    ordinal?: { of: Ordinal | undefined };
  } = {};

  constructor(
    readonly text: string,
    readonly tokens: readonly JapaneseToken[],
    private readonly municipalities: MentionFinder | undefined,
  ) {
    this.normalized = normalize(text);
    this.words = wordsOf(tokens);
    this.hiraganaRuns = hiraganaRuns(this.words);
  }

  get folded(): string {
    return (this.made.folded ??= foldKanaSameLength(this.normalized));
  }

  get key(): string {
    return (this.made.key ??= foldKana(this.normalized).replace(/ /gu, ""));
  }

  get mentions(): readonly Mention[] {
    return (this.made.mentions ??= this.municipalities ? mentionsIn(this.normalized, this.municipalities) : []);
  }

  get ordinal(): Ordinal | undefined {
    return (this.made.ordinal ??= { of: ordinalOf(this.text, this.normalized) }).of;
  }
}

/** Every mention: the finder finds the leftmost, which is blanked before looking again. */
function mentionsIn(normalized: string, finder: MentionFinder): Mention[] {
  let rest = normalized;
  const out: Mention[] = [];
  for (let m = finder.find(rest); m; m = finder.find(rest)) {
    out.push(m);
    rest = rest.slice(0, m.start) + " ".repeat(m.end - m.start) + rest.slice(m.end);
  }
  return out;
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
