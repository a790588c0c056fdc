// Nearest example: each intent's example messages as TF-IDF vectors over word base forms and character
// bigrams; a message scores, per intent, its cosine similarity to the closest example. Used when no cue
// decides, so wordings the cues miss still land near the examples they resemble.
import type { IntentId } from "./intent-schema.js";

type Vector = Map<string, number>;

interface Example {
  intent: IntentId;
  vector: Vector;
}

export class ExampleSimilarity {
  private readonly idf = new Map<string, number>();
  private readonly unseenIdf: number;
  private readonly examples: Example[];

  constructor(examples: { intent: IntentId; features: string[] }[]) {
    const df = new Map<string, number>();
    for (const e of examples) for (const f of new Set(e.features)) df.set(f, (df.get(f) ?? 0) + 1);
    for (const [f, n] of df) this.idf.set(f, Math.log(1 + examples.length / n));
    this.unseenIdf = Math.log(1 + examples.length);
    this.examples = examples.map((e) => ({ intent: e.intent, vector: this.vectorize(e.features) }));
  }

  /** The best cosine similarity per intent (intents with no similar example are absent). */
  scores(features: string[]): Map<IntentId, number> {
    const v = this.vectorize(features);
    const out = new Map<IntentId, number>();
    if (v.size === 0) return out;
    for (const e of this.examples) {
      const s = cosine(v, e.vector);
      if (s > (out.get(e.intent) ?? 0)) out.set(e.intent, s);
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

function cosine(a: Vector, b: Vector): number {
  let s = 0;
  for (const [f, x] of a) s += x * (b.get(f) ?? 0);
  return s;
}
