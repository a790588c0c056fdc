// Browsing by category or life event: the programs of one category in scope, or the menu of categories.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { Program } from "../../knowledge/schema.js";
import { reply, suggestion, type Reply } from "../reply/reply.js";
import { listAnswer } from "./list-answer.js";
import { programsInScope, scopeName } from "./scope.js";
import { topCategories } from "./no-match-answer.js";

/** Programs with a description first (name-only rows last), in the knowledge's order otherwise. */
function describedFirst(programs: Program[]): Program[] {
  return [...programs.filter((p) => !p.nameOnly), ...programs.filter((p) => p.nameOnly)];
}

export function categoryAnswer(kb: KnowledgeBase, scope: string | null, category: string, now?: Date): Reply {
  const programs = describedFirst(programsInScope(kb, scope).filter((p) => p.categories?.includes(category as never)));
  if (programs.length === 0) return categoryMenu(kb, scope, `「${category}」の分野の制度は見つかりませんでした。`);
  const lead =
    programs.length > 5
      ? `「${category}」の分野の制度は${programs.length}件あります。はじめの5件です（言葉を足すと絞り込めます）。`
      : `「${category}」の分野の制度は${programs.length}件あります。`;
  return listAnswer(programs, {
    intent: "browse",
    lead,
    kb,
    ...(now ? { now } : {}),
    municipalities: scope ? undefined : [...new Set(programs.map((p) => p.municipality))],
  });
}

export function categoryMenu(kb: KnowledgeBase, scope: string | null, lead = ""): Reply {
  const categories = topCategories(kb, scope, 12);
  const text = `${lead}${scopeName(kb, scope)}の制度を分野から探せます。分野を選ぶか、知りたいことを書いてください。\n分野: ${categories.join("、")}`;
  return reply("browse", text, {
    suggestions: categories.slice(0, 10).map((c) => suggestion(c, { kind: "category", category: c })),
  });
}
