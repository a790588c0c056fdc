// The category a browsing message names: a category's own name (or a part of it: 移住・住まい → 住まい)
// or a life-event word of intents/lexicon/life-events.yaml. The earliest mention wins.
import { termKey } from "../../text/normalize.js";
import type { Analysis } from "../../text/analysis.js";
import type { LifeEvents } from "../check/check-schema.js";

export function categoryInText(message: Analysis, lifeEvents: LifeEvents): string | undefined {
  const { key } = message;
  let best: { category: string; at: number; length: number } | undefined;
  for (const { category, words } of lifeEvents) {
    for (const word of [category, ...category.split("・"), ...words]) {
      const w = termKey(word);
      const at = w ? key.indexOf(w) : -1;
      if (at < 0) continue;
      if (!best || at < best.at || (at === best.at && w.length > best.length))
        best = { category, at, length: w.length };
    }
  }
  return best?.category;
}
