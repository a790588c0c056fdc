// What a question named that no returned program has, as a resident would name it: the search's
// `unmatched` words that are topics (nouns, not 補助 / 制度 / もらえる / 出し), pieces that stand side by
// side in the question joined again (出産 + 祝い金 → 出産祝い金). 「伊万里市の資料には出産祝い金の制度は
// 見当たりません」 is said with these.
import { normalize, termKey } from "../../text/normalize.js";
import type { Analysis } from "../../text/analysis.js";
import type { Turn } from "./turn.js";

/** Token kinds that do not start a topic word (a suffix, a dependent noun, a pronoun, a number). */
const NOT_TOPIC_START = new Set(["接尾", "非自立", "代名詞", "数"]);

export function missingTopics(turn: Turn, query: Analysis, unmatched: readonly string[] | undefined): string[] {
  if (!unmatched || unmatched.length === 0) return [];
  const { fillers } = turn.parts.data;
  const generic = new Set(
    [...fillers.programWords, ...fillers.politeness, ...fillers.questionWords, ...fillers.references].map(termKey),
  );
  const topics = unmatched.filter((w) => !generic.has(termKey(w)) && isNoun(turn, w));
  return joinAdjacent(query.normalized, topics);
}

function isNoun(turn: Turn, word: string): boolean {
  const tokens = turn.parts.tokenizer.tokenize(word);
  const first = tokens[0];
  return (
    first !== undefined &&
    !NOT_TOPIC_START.has(first.posDetail) &&
    tokens.every((t) => t.pos === "名詞" || t.pos === "接頭詞")
  );
}

/** Words in the order the question writes them; a word that starts where the previous ends is one with it. */
function joinAdjacent(query: string, words: string[]): string[] {
  const placed = words
    .map((w) => ({ w, at: query.indexOf(normalize(w)) }))
    .sort((a, b) => (a.at < 0 ? 1 : b.at < 0 ? -1 : a.at - b.at));
  const out: { text: string; end: number }[] = [];
  for (const { w, at } of placed) {
    const last = out.at(-1);
    if (last && at >= 0 && at === last.end) {
      last.text += w;
      last.end = at + normalize(w).length;
    } else {
      out.push({ text: w, end: at >= 0 ? at + normalize(w).length : -1 });
    }
  }
  return [...new Set(out.map((o) => o.text))];
}

/**
 * Whether a missing topic modifies what the hits matched: Japanese puts the modifier first, so in
 * 「ペットの医療費」 or 「宇宙旅行の補助金」 the missing ペット / 宇宙 names the very kind asked for, and a
 * program for 子ども's 医療費 is not close to it. Then nothing is offered as close.
 */
export function modifiesMatched(query: Analysis, missing: readonly string[], matched: readonly string[]): boolean {
  const q = query.normalized;
  const at = (w: string) => q.indexOf(normalize(w));
  const firstMatched = Math.min(...matched.map(at).filter((i) => i >= 0));
  return missing.some((m) => at(m) >= 0 && at(m) < firstMatched);
}
