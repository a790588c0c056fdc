// Classifies a message into an intent, on the same tokenizer as the search:
// 1. cues: the intents whose cue phrases occur; the highest precedence wins, then the longer cues, then
//    the closer example. Intents marked `alone` (greeting, thanks) hold only when nothing else is said.
// 2. examples: with no cue, the intent of the most similar example, when it is similar enough.
// 3. otherwise `find`, the default: the message is taken as a topic to search.
import type { JapaneseTokenizer } from "../../text/tokenizer.js";
import { charNgramsOfNormalized } from "../../text/analyze.js";
import { analyzeMessage, type Analysis } from "../../text/analysis.js";
import { normalize, termKey } from "../../text/normalize.js";
import type { IntentDefinition, IntentId } from "./intent-schema.js";
import { CueMatcher, type CueHit } from "./cue-matcher.js";
import { ExampleSimilarity } from "./example-similarity.js";
import { matchKey } from "./match-key.js";
import { topicWords, type TopicWords } from "./topic-words.js";

/** How similar a message must be to an example of an intent when no cue decided. */
export const EXAMPLE_THRESHOLD = 0.45;

export interface Classification {
  intent: IntentId;
  by: "cue" | "example" | "default";
  /** Every cue found, of every intent: the engine cuts them out to find the topic. */
  cues: CueHit[];
  /** Similarity to the closest example of the chosen intent (0 when none). */
  similarity: number;
}

export class IntentClassifier {
  private readonly byId: Map<IntentId, IntentDefinition>;
  private readonly cues: CueMatcher;
  private readonly similarity: ExampleSimilarity;

  constructor(
    intents: IntentDefinition[],
    private readonly tokenizer: JapaneseTokenizer,
    private readonly topicWords: TopicWords,
  ) {
    this.byId = new Map(intents.map((i) => [i.id, i]));
    const readingOf = (t: string) =>
      tokenizer
        .tokenize(normalize(t))
        .map((x) => x.reading ?? x.surface)
        .join("");
    this.cues = new CueMatcher(
      intents.flatMap((i) => i.cues.map((cue) => ({ intent: i.id, cue }))),
      readingOf,
    );
    this.similarity = new ExampleSimilarity(
      intents.flatMap((i) => i.examples.map((e) => ({ intent: i.id, features: this.features(e) }))),
    );
  }

  /** The message as the engine analysed it (its tokens, read once for cues and features alike). */
  classify(message: Analysis): Classification {
    const cues = this.cues.find({
      written: message.folded,
      base: matchKey(message.tokens.map((t) => t.base).join("")),
    });
    const sims = this.similarity.scores(featuresOf(message));
    const candidates = this.cueCandidates(message, cues);
    if (candidates.length > 0) {
      const best = candidates.sort((a, b) => this.rank(b, cues, sims) - this.rank(a, cues, sims))[0]!;
      return { intent: best, by: "cue", cues, similarity: sims.get(best) ?? 0 };
    }
    const [nearest, score] = [...sims.entries()].sort((a, b) => b[1] - a[1])[0] ?? ["find", 0];
    if (score >= EXAMPLE_THRESHOLD && !this.byId.get(nearest)?.alone)
      return { intent: nearest, by: "example", cues, similarity: score };
    return { intent: "find", by: "default", cues, similarity: sims.get("find") ?? 0 };
  }

  /** Word base forms (symbols left out) and character bigrams, read as a message is. */
  features(text: string): string[] {
    return featuresOf(analyzeMessage(text, this.tokenizer));
  }

  private cueCandidates(message: Analysis, cues: CueHit[]): IntentId[] {
    const intents = [...new Set(cues.map((c) => c.intent))];
    const saysMore = () => topicWords(message, cues, this.topicWords).length > 0;
    return intents.filter((id) => !this.byId.get(id)?.alone || !saysMore());
  }

  /** Precedence first (×1000), then the length of the intent's cues, then example similarity. */
  private rank(id: IntentId, cues: CueHit[], sims: Map<IntentId, number>): number {
    const length = cues.filter((c) => c.intent === id).reduce((n, c) => n + [...c.cue].length, 0);
    return (this.byId.get(id)?.precedence ?? 0) * 1000 + length * 10 + (sims.get(id) ?? 0);
  }
}

/** The features of a message from its tokens. */
function featuresOf(message: Analysis): string[] {
  const words = message.tokens.filter((t) => t.pos !== "記号").map((t) => termKey(t.base));
  return [...words.filter((w) => w.length > 0), ...charNgramsOfNormalized(message.normalized)];
}

/** The message's normalized text with the given cues' spans blanked out. */
export function cutCues(message: Analysis, cues: readonly CueHit[]): string {
  const chars = message.normalized.split(""); // UTF-16 units, as the offsets are
  for (const c of cues) if (c.start !== undefined && c.end !== undefined) chars.fill(" ", c.start, c.end);
  return chars.join("").replace(/ +/gu, " ").trim();
}
