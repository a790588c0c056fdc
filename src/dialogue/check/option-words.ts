// Which options of a 制度診断 question a typed answer names. An option is named by its label, its `words`,
// and the words of its audiences and categories (子育て世帯 → 子育て, 妊娠・出産 → 妊娠, 出産) — but only
// such a derived word that belongs to this option alone in the question: 子育て, shared by 乳幼児 and
// 小学生, says nothing about which of them. Each word is also compared by its reading, so a hiragana
// answer (のうかです, こそだてちゅう) finds the option whose word is written in kanji (農家, 子育て).
import { hasKanji, termKey } from "../../text/normalize.js";
import type { JapaneseToken, JapaneseTokenizer } from "../../text/tokenizer.js";
import type { Analysis } from "../../text/analysis.js";
import type { CheckOption, CheckStep } from "./check-schema.js";

/** Readings shorter than this match too much inside other words (親 おや in おやすみ). */
const MIN_READING_CHARS = 3;
/** Endings of audience names that are not what people say of themselves (子育て世帯 → 子育て). */
const AUDIENCE_ENDINGS = /(?:世帯|者)$/u;
/** Readings are memoised: the options' words come back every turn of a check. */
const READING_CACHE_SIZE = 5_000;

/** A typed text as the options are looked for in it: its key, and its reading where it has kanji. */
export interface AnswerText {
  key: string;
  reading: string;
}

export class OptionWords {
  private readonly readings = new Map<string, string>();

  constructor(private readonly tokenizer: JapaneseTokenizer) {}

  /** The typed answer, from the message's tokens (it is not read again). */
  answerText(message: Analysis): AnswerText {
    return { key: message.key, reading: readingOf(message.tokens) };
  }

  /** Where in the text the option is first named (-1: not named). */
  position(text: AnswerText, option: CheckOption, step: CheckStep): number {
    const positions = wordsOf(option, step).flatMap((w) => {
      const at = text.key.indexOf(termKey(w));
      if (at >= 0) return [at];
      const reading = hasKanji(w) ? this.readingKey(w) : "";
      const byReading = [...reading].length >= MIN_READING_CHARS ? text.reading.indexOf(reading) : -1;
      return byReading >= 0 ? [byReading] : [];
    });
    return positions.length > 0 ? Math.min(...positions) : -1;
  }

  /** The text in hiragana: each token's reading, or its surface when the dictionary has none. */
  private readingKey(text: string): string {
    let key = this.readings.get(text);
    if (key === undefined) {
      key = readingOf(this.tokenizer.tokenize(text));
      if (this.readings.size >= READING_CACHE_SIZE) this.readings.clear();
      this.readings.set(text, key);
    }
    return key;
  }
}

/** Tokens in hiragana: each one's reading, or its surface when the dictionary has none. */
function readingOf(tokens: readonly JapaneseToken[]): string {
  return termKey(tokens.map((t) => t.reading ?? t.surface).join(""));
}

/** The option's own words, then those of its audiences and categories that no other option of the step shares. */
export function wordsOf(option: CheckOption, step: CheckStep): string[] {
  const derived = derivedWords(option).filter((w) =>
    step.options.every((o) => o === option || !derivedWords(o).includes(w)),
  );
  return [option.label, ...option.words, ...derived];
}

function derivedWords(option: CheckOption): string[] {
  const fromAudiences = option.audiences.map((a) => a.replace(AUDIENCE_ENDINGS, ""));
  const fromCategories = option.categories.flatMap((c) => c.split("・"));
  return [...new Set([...fromAudiences, ...fromCategories])].filter((w) => [...w].length >= 2);
}
