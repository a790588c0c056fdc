// The example questions the greeting, the help and the LINE follow message suggest, chosen from the
// deployment's own knowledge and checked against its index, so each one finds something there: a program
// asked for by a short form of its name, and a topic (the life-event word of the scope's largest category)
// asked for and browsed. An example that finds nothing is left out rather than shown.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { Program } from "../../knowledge/schema.js";
import type { LifeEvents } from "../check/check-schema.js";
import { programsInScope } from "../answer/scope.js";
import { topCategories } from "../answer/no-match-answer.js";
import type { ProgramSearch } from "./engine-deps.js";

export interface ExampleQuestions {
  /** 「不妊治療エンゼルサポートについて知りたい」: finds that program first. */
  program?: string;
  /** 「子育ての支援はある？」: finds programs of the scope's largest category. */
  topic?: string;
  /** 「子育ての制度の一覧」: browses that category. */
  browse?: string;
  /** The categories with programs in scope, most programs first (what a menu of topics may offer). */
  categories: string[];
}

/** A program's name read as a resident might type it: the trailing 事業 and 費 add nothing. */
const NAME_ENDINGS = /(?:事業費|事業|費)$/u;
const PHRASE_CHARS = { min: 3, max: 14 };
/** How far down the results the program may be and still count as found (the first card shown). */
const FOUND_WITHIN = 1;

const cache = new WeakMap<KnowledgeBase, Map<string, ExampleQuestions>>();

export function exampleQuestions(
  kb: KnowledgeBase,
  index: ProgramSearch,
  scope: string | null,
  lifeEvents: LifeEvents,
): ExampleQuestions {
  let byScope = cache.get(kb);
  if (!byScope) cache.set(kb, (byScope = new Map()));
  const key = scope ?? "";
  let found = byScope.get(key);
  if (!found) byScope.set(key, (found = choose(kb, index, scope, lifeEvents)));
  return found;
}

function choose(
  kb: KnowledgeBase,
  index: ProgramSearch,
  scope: string | null,
  lifeEvents: LifeEvents,
): ExampleQuestions {
  const options = scope ? { municipality: scope, type: "program" as const } : { type: "program" as const };
  const program = programExample(programsInScope(kb, scope), (q, id) =>
    index.search(q, { ...options, top: FOUND_WITHIN }).results.some((r) => r.id === id),
  );
  const word = topicWord(kb, scope, lifeEvents, (q) => {
    const r = index.search(q, { ...options, top: 3 });
    return !r.noMatch && r.results.length > 0;
  });
  const categories = topCategories(kb, scope, Number.POSITIVE_INFINITY);
  return {
    ...(program ? { program } : {}),
    ...(word ? { topic: `${word}の支援はある？`, browse: `${word}の制度の一覧` } : {}),
    categories,
  };
}

/** Programs with stated amounts first (a concrete answer to show), each by its shortest plain name. */
function programExample(programs: Program[], finds: (q: string, id: string) => boolean): string | undefined {
  const described = programs.filter((p) => !p.nameOnly);
  const withAmounts = described.filter((p) => p.benefits?.some((b) => (b.amounts ?? []).length > 0));
  for (const p of [...withAmounts, ...described.filter((p) => !withAmounts.includes(p))]) {
    for (const phrase of phrases(p)) {
      const q = `${phrase}について知りたい`;
      if (finds(q, p.id)) return q;
    }
  }
  return undefined;
}

function phrases(p: Program): string[] {
  const forms = [p.name, ...(p.aliases ?? [])].map((n) => n.replace(NAME_ENDINGS, ""));
  const fit = forms.filter((f) => [...f].length >= PHRASE_CHARS.min && [...f].length <= PHRASE_CHARS.max);
  return [...new Set(fit)].sort((a, b) => [...a].length - [...b].length);
}

/** The first life-event word of the largest categories in scope whose question finds something. */
function topicWord(
  kb: KnowledgeBase,
  scope: string | null,
  lifeEvents: LifeEvents,
  finds: (q: string) => boolean,
): string | undefined {
  for (const category of topCategories(kb, scope, 5)) {
    const words = lifeEvents.find((e) => e.category === category)?.words ?? [];
    const word = words.find((w) => finds(`${w}の支援はある？`));
    if (word) return word;
  }
  return undefined;
}
