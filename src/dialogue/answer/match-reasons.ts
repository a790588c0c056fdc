// Why a program is on a list, and what the question named that nothing has, from the search's evidence
// (each hit's `matched` words, the response's `unmatched` words): 「一致: 出産・第3子」 under a program,
// 「伊万里市の資料には出産祝い金の制度は見当たりません。」 before what is close. Words only — never a guess.
import type { MatchedTermLike } from "../engine/engine-deps.js";

/** At most this many words explain one program (more reads as noise). */
const WHY_WORDS = 4;

/** 「一致: 出産・第3子」, words matched only through a synonym after them; undefined without evidence. */
export function whyMatched(matched: readonly MatchedTermLike[] | undefined): string | undefined {
  if (!matched || matched.length === 0) return undefined;
  const direct = unique(matched.filter((m) => !m.expanded).map((m) => m.term));
  const related = unique(matched.filter((m) => m.expanded).map((m) => m.term)).filter((t) => !direct.includes(t));
  const shown = [...direct, ...related].slice(0, WHY_WORDS);
  if (shown.length === 0) return undefined;
  const own = shown.filter((t) => direct.includes(t));
  const near = shown.filter((t) => !direct.includes(t));
  const parts = [
    own.length > 0 ? `一致: ${own.join("・")}` : "",
    near.length > 0 ? `関連する言葉: ${near.join("・")}` : "",
  ];
  return parts.filter(Boolean).join(" / ");
}

/** 「伊万里市の資料には出産祝い金の制度は見当たりません。」 for the words nothing returned has. */
export function notThereLine(scopeName: string, unmatched: readonly string[] | undefined): string | undefined {
  const words = unique((unmatched ?? []).map((w) => w.trim()).filter((w) => w.length > 0));
  if (words.length === 0) return undefined;
  return `${scopeName}の資料には${words.join("・")}の制度は見当たりません。`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
