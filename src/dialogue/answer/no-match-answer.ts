// Nothing in the knowledge fits: say so plainly, say what this service covers, offer categories to browse
// and the municipality's general contact. No program is listed.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { Program } from "../../knowledge/schema.js";
import type { IntentId } from "../intents/intent-schema.js";
import { sourceLine } from "./program-facts.js";
import { reply, suggestion, type Reply } from "../reply/reply.js";
import { generalContact, programsInScope, scopeName } from "./scope.js";

const CATEGORIES_OFFERED = 4;

export function noMatchAnswer(
  kb: KnowledgeBase,
  scope: string | null,
  intent: IntentId = "find",
  lead = "お探しの内容に当てはまる制度は見つかりませんでした。",
): Reply {
  const categories = topCategories(kb, scope, CATEGORIES_OFFERED);
  const text = [
    `申し訳ありません。${lead}`,
    `この窓口では、${scopeName(kb, scope)}の支援制度（子育て・移住・仕事など）についてお答えしています。`,
    categories.length > 0 ? `分野から探すこともできます: ${categories.join("、")}` : "",
    `制度以外のご用件や、ここで見つからないことは${generalContact(kb, scope)}にお問い合わせください。`,
  ]
    .filter(Boolean)
    .join("\n");
  return reply(intent, text, {
    noMatch: true,
    suggestions: [
      ...categories.map((c) => suggestion(c, { kind: "category", category: c })),
      suggestion("制度診断", { kind: "check", op: "start" }),
      suggestion("職員と話す", { kind: "handoff" }),
    ],
  });
}

export interface ScopeGapOptions {
  /** What the question named that the scope lacks (「飯塚市の資料にはスポーツ合宿の制度は見当たりません。」). */
  lead?: string;
  /** A city's own account: the other city's program is named (a fact of the knowledge) but not offered to open. */
  scoped?: boolean;
}

/**
 * The municipality in scope has no program for the question. `elsewhere`, another municipality's program
 * that has one, is named with its source — only because the knowledge has it. A deployment for every
 * municipality offers to show it; a city's own account says where to ask instead.
 */
export function scopeGapAnswer(
  kb: KnowledgeBase,
  scope: string,
  intent: IntentId,
  elsewhere?: Program,
  o: ScopeGapOptions = {},
): Reply {
  const r = noMatchAnswer(
    kb,
    scope,
    intent,
    o.lead ?? `${scope}の制度には、お探しの内容に当てはまるものは見つかりませんでした。`,
  );
  if (!elsewhere) return r;
  const note = `なお、${elsewhere.municipality}の資料には「${elsewhere.name}」があります（${sourceLine(kb, elsewhere)}）。`;
  if (o.scoped)
    return {
      ...r,
      text: `${r.text}\n${note}${elsewhere.municipality}の制度は${elsewhere.municipality}役所にお問い合わせください。`,
    };
  return {
    ...r,
    text: `${r.text}\n${note}`,
    suggestions: [
      suggestion(`${elsewhere.municipality}の制度を見る`, { kind: "select", programId: elsewhere.id }),
      ...r.suggestions,
    ],
  };
}

/** The categories with the most programs in scope, most first. */
export function topCategories(kb: KnowledgeBase, scope: string | null, n: number): string[] {
  const counts = new Map<string, number>();
  for (const p of programsInScope(kb, scope))
    for (const c of p.categories ?? []) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([c]) => c);
}
