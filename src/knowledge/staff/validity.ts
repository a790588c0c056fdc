// 「この日まで有効」: a staff answer with source.validUntil is served through that day (Japan time) and not
// after; it then waits in the App Home's review list for someone to renew or remove it.
import type { Faq } from "../schema.js";
import { japanDay } from "./draft.js";

export function faqExpired(f: Faq, now: Date): boolean {
  const until = f.source?.validUntil;
  return until !== undefined && japanDay(now) > until;
}

/** The search hits without expired answers; nothing left means nothing fits. */
export function withoutExpired<
  H extends { type: string; id: string },
  R extends { noMatch: boolean; results: readonly H[] },
>(found: R, faq: (id: string) => Faq | undefined, now: Date): R {
  const results = found.results.filter((h) => h.type !== "faq" || !isExpired(faq(h.id), now));
  if (results.length === found.results.length) return found;
  return { ...found, results, noMatch: found.noMatch || results.length === 0 };
}

function isExpired(f: Faq | undefined, now: Date): boolean {
  return f !== undefined && faqExpired(f, now);
}
