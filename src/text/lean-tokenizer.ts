// kuromoji's tokenize without its per-question garbage: the same dictionary, the same lattice choices
// (kuromoji-lattice.ts), and each dictionary entry's features read and split once, then kept, so a
// question allocates little more than its tokens. The tokens are kuromoji's: the same sentences (split
// after 、 and 。 as kuromoji splits them), the same best path, the same fields. Text holding a surrogate
// pair, or a dictionary shape the lattice does not expect, is given to kuromoji itself.
import type { IpadicFeatures, Tokenizer } from "kuromoji";
import { KNOWN, KuromojiLattice, LatticeUnsupported, type CharacterClass } from "./kuromoji-lattice.js";
import { targetIds, type TargetMap } from "./kuromoji-target-map.js";
import type { JapaneseToken } from "./tokenizer.js";

/** The kuromoji objects read (kuromoji's Tokenizer after loading; none is changed). */
interface KuromojiTokenizerParts {
  token_info_dictionary: InfoDictionary;
  unknown_dictionary: InfoDictionary & { lookup(ch: string): CharacterClass };
  viterbi_builder: { trie: { bc: { getBaseBuffer(): Int32Array; getCheckBuffer(): Int32Array } } };
  viterbi_searcher: { connection_costs: { buffer: Int16Array } };
  formatter: {
    formatEntry(id: number, position: number, type: string, features: string[]): IpadicFeatures;
    formatUnknownEntry(id: number, position: number, type: string, features: string[], surface: string): IpadicFeatures;
  };
}
interface InfoDictionary {
  dictionary: { buffer: Uint8Array };
  target_map: TargetMap;
  getFeatures(id: number): string | null;
}

/** Dictionary entries whose token is kept: far more than any knowledge uses, far less than IPADIC holds. */
const KEPT_ENTRIES = 50_000;

/** kuromoji's fields as the rest of the code reads them (the one mapping, for both paths). */
export function toJapaneseToken(t: IpadicFeatures): JapaneseToken {
  return {
    surface: t.surface_form,
    base: t.basic_form && t.basic_form !== "*" ? t.basic_form : t.surface_form,
    reading: t.reading && t.reading !== "*" ? t.reading : undefined,
    pos: t.pos,
    posDetail: t.pos_detail_1,
    place: t.pos_detail_2 === "地域",
    known: t.word_type === "KNOWN",
  };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SURROGATE = /[\uD800-\uDFFF]/;
const PUNCTUATION = /、|。/g;

export interface LeanTokenizer {
  tokenize(text: string): readonly JapaneseToken[];
}

/**
 * Tokens of `text` as kuromoji gives them. Known words' tokens are shared and frozen (the memo in
 * tokenize-memo.ts hands out copies).
 */
export function leanTokenizer(kuromoji: Tokenizer<IpadicFeatures>): LeanTokenizer {
  const parts = kuromoji as unknown as KuromojiTokenizerParts;
  const lattice = new KuromojiLattice(latticeDictionary(parts));
  const known = new Map<number, JapaneseToken>();
  const unknown = new Map<number, IpadicFeatures>();
  const path: number[] = [];
  const stock = (text: string) => kuromoji.tokenize(text.replace(LONE_SURROGATE, "\uFFFD")).map(toJapaneseToken);

  const knownToken = (id: number): JapaneseToken => {
    let token = known.get(id);
    if (token) return token;
    const line = parts.token_info_dictionary.getFeatures(id);
    token = Object.freeze(
      toJapaneseToken(parts.formatter.formatEntry(id, 0, "KNOWN", line == null ? [] : line.split(","))),
    );
    if (known.size < KEPT_ENTRIES) known.set(id, token);
    return token;
  };
  const unknownToken = (id: number, surface: string): JapaneseToken => {
    let features = unknown.get(id);
    if (!features) {
      const line = parts.unknown_dictionary.getFeatures(id);
      features = parts.formatter.formatUnknownEntry(id, 0, "UNKNOWN", line == null ? [] : line.split(","), "");
      unknown.set(id, features);
    }
    return toJapaneseToken({ ...features, surface_form: surface });
  };

  const sentence = (text: string, from: number, to: number, tokens: JapaneseToken[]) => {
    for (const node of lattice.bestPath(text, from, to, path)) {
      const id = lattice.name[node]!;
      if (lattice.type[node] === KNOWN) tokens.push(knownToken(id));
      else {
        const at = from + lattice.start[node]! - 1;
        tokens.push(unknownToken(id, text.slice(at, at + lattice.length[node]!)));
      }
    }
  };

  return {
    tokenize(text: string): readonly JapaneseToken[] {
      if (SURROGATE.test(text)) return stock(text);
      try {
        const tokens: JapaneseToken[] = [];
        let from = 0;
        PUNCTUATION.lastIndex = 0;
        for (let m = PUNCTUATION.exec(text); m !== null; m = PUNCTUATION.exec(text)) {
          sentence(text, from, m.index + 1, tokens);
          from = m.index + 1;
        }
        if (from < text.length) sentence(text, from, text.length, tokens);
        return tokens;
      } catch (e) {
        if (e instanceof LatticeUnsupported) return stock(text);
        throw e;
      }
    },
  };
}

function latticeDictionary(parts: KuromojiTokenizerParts) {
  const unknown = parts.unknown_dictionary;
  const classes = new Map<number, CharacterClass>();
  return {
    trieBase: parts.viterbi_builder.trie.bc.getBaseBuffer(),
    trieCheck: parts.viterbi_builder.trie.bc.getCheckBuffer(),
    wordIds: targetIds(parts.token_info_dictionary.target_map),
    tokenInfo: parts.token_info_dictionary.dictionary.buffer,
    unknownInfo: unknown.dictionary.buffer,
    unknownIds: (classId: number) => unknown.target_map[classId],
    charClass: (code: number) => {
      let cls = classes.get(code);
      if (!cls) {
        cls = unknown.lookup(String.fromCharCode(code));
        classes.set(code, cls);
      }
      return cls;
    },
    costs: parts.viterbi_searcher.connection_costs.buffer,
  };
}
