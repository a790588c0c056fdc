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
  viterbi_builder: {
    trie: { bc: { getBaseBuffer(): Int32Array; getCheckBuffer(): Int32Array }; lookup(key: string): number };
  };
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
/** 、 and 。: kuromoji reads the text in sentences, each ending after one of them. */
const IDEOGRAPHIC_COMMA = 0x3001;
const IDEOGRAPHIC_FULL_STOP = 0x3002;

/**
 * Tokens of a text as kuromoji gives them. Known words' tokens are shared and frozen (the memo in
 * tokenize-memo.ts hands out copies).
 */
export class LeanTokenizer {
  private readonly parts: KuromojiTokenizerParts;
  private readonly lattice: KuromojiLattice;
  private readonly known = new Map<number, JapaneseToken>();
  private readonly unknown = new Map<number, IpadicFeatures>();
  private readonly path: number[] = [];
  private readonly wordIds: (trieId: number) => ArrayLike<number> | undefined;

  constructor(private readonly kuromoji: Tokenizer<IpadicFeatures>) {
    this.parts = kuromoji as unknown as KuromojiTokenizerParts;
    const dictionary = latticeDictionary(this.parts);
    this.wordIds = dictionary.wordIds;
    this.lattice = new KuromojiLattice(dictionary);
  }

  /**
   * Every reading the dictionary gives `surface` as a whole entry, in its order (病: ヤマイ, ビョウ, ヘイ):
   * kuromoji reads a kanji alone by one of them, a compound may use another (病児 びょうじ, 伊万里牛 …ぎゅう).
   */
  readings(surface: string): string[] {
    const trieId = surface === "" ? -1 : this.parts.viterbi_builder.trie.lookup(surface);
    const ids = trieId < 0 ? [] : Array.from(this.wordIds(trieId) ?? []);
    return [...new Set(ids.flatMap((id) => this.knownToken(id).reading ?? []))];
  }

  tokenize(text: string): readonly JapaneseToken[] {
    if (SURROGATE.test(text)) return this.stock(text);
    try {
      const tokens: JapaneseToken[] = [];
      let from = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code !== IDEOGRAPHIC_COMMA && code !== IDEOGRAPHIC_FULL_STOP) continue;
        this.sentence(text, from, i + 1, tokens);
        from = i + 1;
      }
      if (from < text.length) this.sentence(text, from, text.length, tokens);
      return tokens;
    } catch (e) {
      if (e instanceof LatticeUnsupported) return this.stock(text);
      throw e;
    }
  }

  /** kuromoji itself (a lone surrogate, which kuromoji throws on, read as U+FFFD). */
  private stock(text: string): JapaneseToken[] {
    return this.kuromoji.tokenize(text.replace(LONE_SURROGATE, "\uFFFD")).map(toJapaneseToken);
  }

  private sentence(text: string, from: number, to: number, tokens: JapaneseToken[]): void {
    const { lattice } = this;
    for (const node of lattice.bestPath(text, from, to, this.path)) {
      const id = lattice.name[node]!;
      if (lattice.type[node] === KNOWN) tokens.push(this.knownToken(id));
      else {
        const at = from + lattice.start[node]! - 1;
        tokens.push(this.unknownToken(id, text.slice(at, at + lattice.length[node]!)));
      }
    }
  }

  private knownToken(id: number): JapaneseToken {
    let token = this.known.get(id);
    if (token) return token;
    const line = this.parts.token_info_dictionary.getFeatures(id);
    const features = this.parts.formatter.formatEntry(id, 0, "KNOWN", line == null ? [] : line.split(","));
    token = Object.freeze(toJapaneseToken(features));
    if (this.known.size < KEPT_ENTRIES) this.known.set(id, token);
    return token;
  }

  private unknownToken(id: number, surface: string): JapaneseToken {
    let features = this.unknown.get(id);
    if (!features) {
      const line = this.parts.unknown_dictionary.getFeatures(id);
      const split = line == null ? [] : line.split(",");
      features = this.parts.formatter.formatUnknownEntry(id, 0, "UNKNOWN", split, "");
      this.unknown.set(id, features);
    }
    return toJapaneseToken({ ...features, surface_form: surface });
  }
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
