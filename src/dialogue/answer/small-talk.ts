// Replies that are about the conversation rather than a program: greeting, thanks, help, handoff, reset,
// and the question back when an aspect is asked with no program in view.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { Aspect } from "../intents/intent-schema.js";
import { reply, suggestion, type Reply, type Suggestion } from "../reply/reply.js";
import { ASPECT_LABELS } from "./program-suggestions.js";
import { scopeName } from "./scope.js";
import { topCategories } from "./no-match-answer.js";

function startingPoints(kb: KnowledgeBase, scope: string | null): Suggestion[] {
  return [
    ...topCategories(kb, scope, 3).map((c) => suggestion(c, { kind: "category", category: c })),
    suggestion("制度診断", { kind: "check", op: "start" }),
    suggestion("使い方", { kind: "text", text: "何ができる？" }),
  ];
}

/** Example questions chosen from the scope's own programs (src/dialogue/engine/example-questions.ts). */
export interface Examples {
  program?: string;
  topic?: string;
  browse?: string;
}

const quoted = (...examples: (string | undefined)[]) =>
  examples
    .filter((e): e is string => !!e)
    .map((e) => `「${e}」`)
    .join("");

export function greetingAnswer(kb: KnowledgeBase, scope: string | null, examples: Examples = {}): Reply {
  const example = examples.program ?? examples.topic;
  const text = `こんにちは。${scopeName(kb, scope)}の支援制度についてお答えします。知りたいことを自由に書いてください${example ? `（例:「${example}」）` : ""}。`;
  return reply("greeting", text, { suggestions: startingPoints(kb, scope) });
}

export function thanksAnswer(kb: KnowledgeBase, scope: string | null): Reply {
  return reply("thanks", "どういたしまして。ほかにも気になる制度があれば、いつでも聞いてください。", {
    suggestions: startingPoints(kb, scope),
  });
}

export function helpAnswer(
  kb: KnowledgeBase,
  scope: string | null,
  staffReachable = false,
  examples: Examples = {},
): Reply {
  const find = quoted(examples.topic, examples.program);
  const text = [
    `${scopeName(kb, scope)}の支援制度を、市の資料にもとづいてご案内します。できること:`,
    `・制度を探す${find ? `（例:${find}）` : ""}`,
    "・続けて聞く（例:「いくら？」「対象は？」「どこに聞けばいい？」「申請方法は？」「2番目を詳しく」）",
    `・分野から探す${examples.browse ? `（例:「${examples.browse}」）` : ""}`,
    "・制度診断: いくつかの質問に答えると、使えそうな制度を絞り込みます（「診断」）",
    staffReachable
      ? "・職員と話す（「人と話したい」）、最初からやり直す（「リセット」）"
      : "・最初からやり直す（「リセット」）",
    "答えには出典の資料名と日付を添えます。最新の状況は担当課にご確認ください。",
  ].join("\n");
  return reply("help", text, { suggestions: startingPoints(kb, scope) });
}

export function resetAnswer(kb: KnowledgeBase, scope: string | null): Reply {
  return reply("reset", "会話をリセットしました。新しいご質問をどうぞ。", { suggestions: startingPoints(kb, scope) });
}

export function whichProgramAnswer(aspect: Aspect): Reply {
  const text = `どの制度の${ASPECT_LABELS[aspect]}をお知りになりたいですか？制度の名前や、探している支援の内容を教えてください（例:「子育て支援の${ASPECT_LABELS[aspect]}」）。`;
  return reply(aspect, text);
}

/** A city's own account asked about another city: say whose programs this is, and where to ask instead. */
export function otherMunicipalityAnswer(kb: KnowledgeBase, deployment: string, named: string): Reply {
  const text = `この窓口では${deployment}の制度をご案内しています。${named}の制度については${named}役所にお問い合わせください。`;
  return reply("find", text, { noMatch: true, suggestions: startingPoints(kb, deployment) });
}
