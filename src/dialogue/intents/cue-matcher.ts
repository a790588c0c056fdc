// Finds the intents' cue phrases in a message. Matches are taken longest first and may not overlap, so
// 「担当の人」 (handoff) wins over 「担当」 inside it. Besides the message as written, a cue also matches
// the message's base forms (使えますか → 使える…) and, by its reading, what the message writes in kana
// (もうしこみは → 申し込), so inflections and hiragana need no cue of their own. Readings are not matched
// against the readings of kanji in the message: 医療機関 (いりょうきかん) is not a question about 期間.
import type { IntentId } from "./intent-schema.js";
import { matchKey } from "./match-key.js";

export interface CueHit {
  intent: IntentId;
  cue: string;
  /** Offsets in normalize(text); undefined when the cue matched the base forms or readings only. */
  start?: number;
  end?: number;
}

/** The keys a message is matched by: as written and its base forms (both via matchKey). */
export interface MessageKeys {
  written: string;
  base: string;
}

interface Cue {
  intent: IntentId;
  cue: string;
  key: string;
  /** The cue's reading in hiragana, when long enough to be safe to look for (short readings collide). */
  reading?: string;
}

export const MIN_READING_CHARS = 3;

export class CueMatcher {
  private readonly cues: Cue[];

  constructor(cues: { intent: IntentId; cue: string }[], readingOf: (text: string) => string) {
    this.cues = cues
      .map((c) => {
        const reading = matchKey(readingOf(c.cue));
        return {
          ...c,
          key: matchKey(c.cue),
          ...(reading.length >= MIN_READING_CHARS && reading !== matchKey(c.cue) ? { reading } : {}),
        };
      })
      .filter((c) => c.key.length > 0)
      .sort((a, b) => b.key.length - a.key.length);
  }

  find(keys: MessageKeys): CueHit[] {
    const taken = new Array<boolean>(keys.written.length).fill(false);
    const hits: CueHit[] = [];
    const place = (c: Cue, needle: string): boolean => {
      let found = false;
      for (let at = keys.written.indexOf(needle); at >= 0; at = keys.written.indexOf(needle, at + 1)) {
        if (taken.slice(at, at + needle.length).some(Boolean)) continue;
        taken.fill(true, at, at + needle.length);
        hits.push({ intent: c.intent, cue: c.cue, start: at, end: at + needle.length });
        found = true;
      }
      return found;
    };
    for (const c of this.cues) {
      if (place(c, c.key) || (c.reading && place(c, c.reading))) continue;
      if (keys.base.includes(c.key) && !hits.some((h) => h.cue.includes(c.cue)))
        hits.push({ intent: c.intent, cue: c.cue });
    }
    return hits;
  }
}
