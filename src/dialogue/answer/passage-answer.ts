// Answers a question about a program in its own words: the sentences of its entry that hold what was asked
// (「障がい者の割引は？」 → 「運賃は300円、障がい者100円割引あり。」), quoted as they stand, never
// rephrased. What the entry does not mention is said to be absent, with the department to ask. Like every
// program answer it names the source document and date and gives the period notice (in the text, or on the
// card that comes with it).
import type { Aspect, IntentId } from "../intents/intent-schema.js";
import { reply, type Reply } from "../reply/reply.js";
import type { ProgramMatch } from "./passage-match.js";
import { aspectLines, aspectStaffLines, withNoticeAndSource, type AnswerContext } from "./aspect-answer.js";
import { programCard, programRef, whomToAsk } from "./program-facts.js";
import { programSuggestions } from "./program-suggestions.js";
import { listAnswer } from "./list-answer.js";

/** The quotes and what is missing, as lines. */
export function quoteLines(m: ProgramMatch): string[] {
  const lines: string[] = [];
  if (m.quotes.length > 0) lines.push("ご質問に関係する出典の記述:", ...m.quotes.map((q) => `・${q.text}`));
  const missing = m.missing.map((w) => `「${w.surface}」`).join("");
  if (missing) lines.push(`出典には${missing}についての記載はありません。`);
  if (m.quotes.length === 0 && !missing)
    lines.push(`出典には${m.asked.map((a) => `「${a}」`).join("") || "ご質問"}に当たる記載が見当たりません。`);
  if (missing || m.quotes.length === 0) lines.push(`詳しくは${whomToAsk(m.program)}にお問い合わせください。`);
  return lines;
}

export interface ProgramQuestionOptions {
  intent: IntentId;
  /** The aspect the message asked besides its words (「返さなくていい条件は？」 → 対象): its facts come first. */
  aspect?: Aspect;
  /** Show the program's card too: it is new to the person (a first question, not a follow-up). */
  withCard?: boolean;
}

export function programQuestionAnswer(m: ProgramMatch, ctx: AnswerContext, o: ProgramQuestionOptions): Reply {
  const p = m.program;
  const aspect = o.aspect && o.aspect !== "detail" ? o.aspect : undefined;
  const lines = [
    `【${p.name}（${p.municipality}）】`,
    ...(aspect ? [...aspectLines(p, aspect), ...aspectStaffLines(p, aspect, ctx)] : []),
    ...quoteLines(m),
  ];
  // the card under the text names the source and the period notice
  return reply(o.intent, o.withCard ? lines.join("\n") : withNoticeAndSource(lines, p, ctx), {
    programs: [programRef(p)],
    cards: o.withCard ? [programCard(ctx.kb, p, ctx.now)] : [],
    suggestions: programSuggestions(p, aspect ?? "period", ctx.hasList),
  });
}

/** The same question about each program of the list on show: what each one's entry says, by number. */
export function listQuestionAnswer(matches: ProgramMatch[], ctx: AnswerContext, intent: IntentId): Reply {
  const reasons = new Map(
    matches.map((m) => [
      m.program.id,
      m.quotes.length > 0 ? m.quotes.map((q) => q.text).join(" / ") : "出典に記載なし",
    ]),
  );
  return listAnswer(
    matches.map((m) => m.program),
    {
      intent,
      lead: "さきほどの一覧の制度について、ご質問に関係する出典の記述です。",
      reasons,
      kb: ctx.kb,
      now: ctx.now,
      withSources: true,
    },
  );
}
