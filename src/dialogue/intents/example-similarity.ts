// Nearest example: each intent's example messages as TF-IDF vectors over word base forms and character
// bigrams; a message scores, per intent, its cosine similarity to the closest example. Used when no cue
// decides, so wordings the cues miss still land near the examples they resemble. The examples are kept as
// an inverted index (feature → the examples having it, with their weight), so a message costs the examples
// it shares a feature with, not every example.
import type { IntentId } from "./intent-schema.js";

type Vector = Map<string, number>;

export class ExampleSimilarity {
  private readonly idf = new Map<string, number>();
  private readonly unseenIdf: number;
  private readonly intents: IntentId[];
  /** Feature → [example, weight] pairs, flattened. */
  private readonly postings = new Map<string, number[]>();

  constructor(examples: { intent: IntentId; features: string[] }[]) {
    const df = new Map<string, number>();
    for (const e of examples) for (const f of new Set(e.features)) df.set(f, (df.get(f) ?? 0) + 1);
    for (const [f, n] of df) this.idf.set(f, Math.log(1 + examples.length / n));
    this.unseenIdf = Math.log(1 + examples.length);
    this.intents = examples.map((e) => e.intent);
    examples.forEach((e, i) => {
      for (const [f, x] of this.vectorize(e.features)) {
        const list = this.postings.get(f) ?? [];
        list.push(i, x);
        this.postings.set(f, list);
      }
    });
  }

  /** The best cosine similarity per intent (intents with no similar example are absent). */
  scores(features: string[]): Map<IntentId, number> {
    const v = this.vectorize(features);
    const out = new Map<IntentId, number>();
    if (v.size === 0) return out;
    const dot = new Map<number, number>();
    for (const [f, x] of v) {
      const list = this.postings.get(f);
      if (list) for (let k = 0; k < list.length; k += 2) dot.set(list[k]!, (dot.get(list[k]!) ?? 0) + x * list[k + 1]!);
    }
    // Examples in their order, as before: of equally close examples the first decides nothing differently.
    for (const i of [...dot.keys()].sort((a, b) => a - b)) {
      const s = dot.get(i)!;
      const intent = this.intents[i]!;
      if (s > (out.get(intent) ?? 0)) out.set(intent, s);
    }
    return out;
  }

  /**
   * TF-IDF, unit length. Features never seen in an example match nothing but still count in the length,
   * at the highest weight: a message that is mostly an unknown topic (予約乗合タクシー) is not close to
   * an example it shares one word with (予約の仕方).
   */
  private vectorize(features: string[]): Vector {
    const v: Vector = new Map();
    let unseen = 0;
    for (const f of features) {
      const idf = this.idf.get(f);
      if (idf === undefined) unseen++;
      else v.set(f, (v.get(f) ?? 0) + idf);
    }
    const norm = Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0) + unseen * this.unseenIdf ** 2);
    for (const [f, x] of v) v.set(f, x / norm);
    return v;
  }
}
