// The inverted index as plain typed arrays (so it can be saved and loaded, and scored term at a time):
// every term's postings are a run of [postingStart[t], postingStart[t + 1]) in three parallel arrays —
// the entry, the entry's saturated BM25F term frequency tf~/(k1 + tf~), and a bit mask of the fields the
// term occurs in. tf~ = Σ_field weight × tf / (1 − b + b × length / average length): one length
// normalisation per field, the field weights applied before saturation. `maxTf` is each term's highest
// saturated frequency (what a term can add at most, for top-k pruning); `idf` its inverse entry frequency.
import { MODEL, FIELD_NAMES, type FieldName } from "./model.js";

/** The terms of one entry, field by field (word terms and bigram terms alike; bigrams start with #). */
export type EntryTerms = Partial<Record<FieldName, readonly string[]>>;

export interface PackedIndex {
  docCount: number;
  /** termId → term; the position in this array is the id. */
  terms: string[];
  postingStart: Int32Array;
  postingDoc: Int32Array;
  postingTf: Float32Array;
  postingFields: Uint16Array;
  idf: Float32Array;
  maxTf: Float32Array;
}

/** The saturated frequency of a term found once in a field of average length with weight 1. */
export const REFERENCE_TF = 1 / (MODEL.bm25.k1 + 1);

export function idfOf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * Builds the packed index of entries given as their terms per field (word and bigram channels separately
 * normalised): the reference index-builder.ts is tested against, and how the model tests build small indexes.
 */
export function packIndex(entries: readonly EntryTerms[]): PackedIndex {
  const n = entries.length;
  const average = averageLengths(entries);
  const ids = new Map<string, number>();
  const lists: { doc: number[]; tf: number[]; fields: number[] }[] = [];
  entries.forEach((entry, doc) => {
    const perTerm = new Map<string, { tf: number; fields: number }>();
    FIELD_NAMES.forEach((field, bit) => {
      const terms = entry[field];
      if (!terms || terms.length === 0) return;
      const grams = terms.filter(isGram).length;
      const words = terms.length - grams;
      for (const term of terms) {
        const gram = isGram(term);
        const length = gram ? grams : words;
        const avg = (gram ? average.grams : average.words).get(field) ?? length;
        const norm = 1 - MODEL.bm25.b + (MODEL.bm25.b * length) / Math.max(avg, 1e-9);
        const seen = perTerm.get(term) ?? { tf: 0, fields: 0 };
        seen.tf += MODEL.fields[field] / norm;
        seen.fields |= 1 << bit;
        perTerm.set(term, seen);
      }
    });
    for (const [term, { tf, fields }] of perTerm) {
      let id = ids.get(term);
      if (id === undefined) {
        ids.set(term, (id = lists.length));
        lists.push({ doc: [], tf: [], fields: [] });
      }
      const list = lists[id]!;
      list.doc.push(doc);
      list.tf.push(tf / (MODEL.bm25.k1 + tf));
      list.fields.push(fields);
    }
  });
  return pack([...ids.keys()], lists, n);
}

function pack(terms: string[], lists: { doc: number[]; tf: number[]; fields: number[] }[], n: number): PackedIndex {
  const total = lists.reduce((sum, l) => sum + l.doc.length, 0);
  const index: PackedIndex = {
    docCount: n,
    terms,
    postingStart: new Int32Array(terms.length + 1),
    postingDoc: new Int32Array(total),
    postingTf: new Float32Array(total),
    postingFields: new Uint16Array(total),
    idf: new Float32Array(terms.length),
    maxTf: new Float32Array(terms.length),
  };
  let at = 0;
  lists.forEach((l, t) => {
    index.postingStart[t] = at;
    let max = 0;
    for (let k = 0; k < l.doc.length; k++, at++) {
      index.postingDoc[at] = l.doc[k]!;
      index.postingTf[at] = l.tf[k]!;
      index.postingFields[at] = l.fields[k]!;
      max = Math.max(max, l.tf[k]!);
    }
    index.idf[t] = idfOf(l.doc.length, n);
    index.maxTf[t] = max;
  });
  index.postingStart[terms.length] = at;
  return index;
}

export function isGram(term: string): boolean {
  return term.startsWith("#");
}

function averageLengths(entries: readonly EntryTerms[]): {
  words: Map<FieldName, number>;
  grams: Map<FieldName, number>;
} {
  const words = new Map<FieldName, number>();
  const grams = new Map<FieldName, number>();
  for (const field of FIELD_NAMES) {
    let w = 0,
      g = 0,
      count = 0;
    for (const e of entries) {
      const terms = e[field];
      if (!terms || terms.length === 0) continue;
      count++;
      const gramCount = terms.filter(isGram).length;
      g += gramCount;
      w += terms.length - gramCount;
    }
    if (count > 0) {
      words.set(field, w / count);
      grams.set(field, g / count);
    }
  }
  return { words, grams };
}

/** Reads postings of a packed index by term. */
/** Terms put in the term → id map between two `between` calls (a few milliseconds' work). */
const TERMS_PER_STEP = 20_000;

export class TermLookup {
  private readonly ids: Map<string, number>;

  constructor(
    readonly index: PackedIndex,
    ids?: Map<string, number>,
  ) {
    this.ids = ids ?? new Map(index.terms.map((t, i) => [t, i]));
  }

  /** The same lookup, its map filled a slice at a time with `between` in between (a reload on the answering thread). */
  static async inSteps(index: PackedIndex, between: () => Promise<void>): Promise<TermLookup> {
    const ids = new Map<string, number>();
    for (let i = 0; i < index.terms.length; i++) {
      if (i % TERMS_PER_STEP === 0) await between();
      ids.set(index.terms[i]!, i);
    }
    return new TermLookup(index, ids);
  }

  id(term: string): number | undefined {
    return this.ids.get(term);
  }

  df(term: string): number {
    const id = this.ids.get(term);
    return id === undefined ? 0 : this.index.postingStart[id + 1]! - this.index.postingStart[id]!;
  }

  /** The IDF of a term; a term no entry has gets the IDF of df 0 (the most specific). */
  idf(term: string): number {
    const id = this.ids.get(term);
    return id === undefined ? idfOf(0, this.index.docCount) : this.index.idf[id]!;
  }

  /** The posting position of (term, doc), or -1 (binary search: postings are sorted by entry). */
  find(id: number, doc: number): number {
    let lo = this.index.postingStart[id]!;
    let hi = this.index.postingStart[id + 1]! - 1;
    const docs = this.index.postingDoc;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = docs[mid]!;
      if (d === doc) return mid;
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/** The strongest field in a posting's field mask (each mask's answer found once: evidence asks per posting). */
export function bestField(mask: number): FieldName {
  let best = BEST_FIELD[mask];
  if (best === undefined) {
    best = FIELD_NAMES[0]!;
    let weight = -1;
    for (let bit = 0; bit < FIELD_NAMES.length; bit++) {
      const field = FIELD_NAMES[bit]!;
      if (mask & (1 << bit) && MODEL.fields[field] > weight) {
        best = field;
        weight = MODEL.fields[field];
      }
    }
    BEST_FIELD[mask] = best;
  }
  return best;
}

const BEST_FIELD: (FieldName | undefined)[] = [];
