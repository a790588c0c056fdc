// The App Home: this week's numbers, the programs asked about most, and the latest questions the bot could
// not answer, each with what the tokenizer made of it and the buttons 「同義語を追加」 and 「対象外」.
// Questions are residents' words (masked upstream): shown escaped and defused, never as mrkdwn links.
import { LIMITS } from "../block-limits.js";
import { clip, escapeMrkdwn, personMrkdwn } from "../mrkdwn.js";
import { mrkdwn, plain, type HomeView, type KnownBlock } from "../render/block-types.js";
import type { UnansweredQuestion, WeekSummary } from "./staff-insights.js";

export const PROPOSE_SYNONYM_ACTION = "propose_synonym";
export const DISMISS_QUESTION_ACTION = "dismiss_question";
/** 「回答を登録」: opens the modal that turns the question into a staff answer (listeners/staff-listeners.ts). */
export const ANSWER_QUESTION_ACTION = "answer_question";
export const MAX_UNANSWERED = 15;
const CHANNEL_NAMES: Record<string, string> = { line: "LINE", slack: "Slack", web: "Web", cli: "CLI" };

/** What the staff workflow adds to the App Home: 「回答を登録」 buttons and the drafts waiting for approval. */
export interface HomeStaffPart {
  answerButtons: boolean;
  /** Header numbers of the staff workflow: answered by staff this week, drafts waiting. */
  numbers?: [string, string][];
  blocks: KnownBlock[];
}

export function homeView(
  summary: WeekSummary,
  unanswered: UnansweredQuestion[],
  now: number,
  notice?: string,
  staff?: HomeStaffPart,
): HomeView {
  const blocks: KnownBlock[] = [
    { type: "header", text: plain("窓口ボット　今週の状況") },
    { type: "context", elements: [plain(`直近7日（${day(summary.since)}〜${day(now)}）`)] },
    ...(notice ? [{ type: "section", text: plain(clip(notice, LIMITS.sectionText)) } as KnownBlock] : []),
    { type: "section", fields: numbers(summary) },
    ...(staff?.numbers?.length
      ? [
          {
            type: "section",
            fields: staff.numbers.map(([label, value]) => mrkdwn(`*${label}*\n${value}`)),
          } as KnownBlock,
        ]
      : []),
    { type: "header", text: plain("よく聞かれる制度") },
    { type: "section", text: mrkdwn(clip(topPrograms(summary), LIMITS.sectionText)) },
    { type: "header", text: plain("答えられなかった質問（新しい順）") },
    ...unansweredBlocks(unanswered.slice(0, MAX_UNANSWERED), staff?.answerButtons === true),
    ...(staff?.blocks ?? []),
  ];
  return { type: "home", blocks };
}

function numbers(s: WeekSummary) {
  const rate = s.questions > 0 ? `${((s.noMatch / s.questions) * 100).toFixed(1)}%` : "—";
  const channels =
    s.byChannel.length > 0
      ? s.byChannel.map((c) => `${CHANNEL_NAMES[c.channel] ?? escapeMrkdwn(c.channel)}: ${c.questions}件`).join("\n")
      : "まだありません";
  const answered = s.questions > 0 ? `${(((s.questions - s.noMatch) / s.questions) * 100).toFixed(1)}%` : "—";
  return [
    mrkdwn(`*質問数*\n${s.questions}件`),
    mrkdwn(`*回答できた割合*\n${answered}`),
    mrkdwn(`*該当なしの割合*\n${rate}（${s.noMatch}件）`),
    ...(s.unansweredGroups !== undefined
      ? [mrkdwn(`*未回答の質問*\n${s.unansweredGroups}件（言い換えはまとめて数えます）`)]
      : []),
    mrkdwn(clip(`*チャネル別*\n${channels}`, LIMITS.fieldText)),
  ];
}

function topPrograms(s: WeekSummary): string {
  if (s.topPrograms.length === 0) return "今週はまだ制度についての質問がありません。";
  return s.topPrograms
    .slice(0, 10)
    .map((p, i) => `${i + 1}. ${escapeMrkdwn(p.name)}（${escapeMrkdwn(p.municipality)}）— ${p.count}件`)
    .join("\n");
}

function unansweredBlocks(questions: UnansweredQuestion[], answerButtons: boolean): KnownBlock[] {
  if (questions.length === 0) return [{ type: "section", text: plain("答えられなかった質問はありません。") }];
  return questions.flatMap((q): KnownBlock[] => [
    {
      type: "section",
      block_id: `q:${q.id}`.slice(0, LIMITS.blockId),
      text: mrkdwn(
        clip(`${personMrkdwn(q.text)}${q.count && q.count > 1 ? `（${q.count}回）` : ""}`, LIMITS.sectionText),
        true,
      ),
    },
    {
      type: "context",
      elements: [
        mrkdwn(
          clip(
            `${CHANNEL_NAMES[q.channel] ?? personMrkdwn(q.channel)} · ${time(q.at)}${q.municipality ? ` · ${personMrkdwn(q.municipality)}` : ""} · 解析: ${termsText(q.terms)}`,
            LIMITS.sectionText,
          ),
          true,
        ),
      ],
    },
    {
      type: "actions",
      block_id: `qa:${q.id}`.slice(0, LIMITS.blockId),
      elements: [
        ...(answerButtons
          ? [
              {
                type: "button" as const,
                action_id: ANSWER_QUESTION_ACTION,
                text: plain("回答を登録"),
                value: q.id,
                style: "primary" as const,
              },
            ]
          : []),
        {
          type: "button",
          action_id: PROPOSE_SYNONYM_ACTION,
          text: plain("同義語を追加"),
          value: q.id,
          ...(answerButtons ? {} : { style: "primary" as const }),
        },
        { type: "button", action_id: DISMISS_QUESTION_ACTION, text: plain("対象外"), value: q.id },
      ],
    },
  ]);
}

function termsText(terms: string[]): string {
  return terms.length > 0
    ? terms.map((t) => `\`${personMrkdwn(t).replace(/`/g, "'")}\``).join(" ")
    : "（語が取り出せませんでした）";
}

/** Japan time, as staff read it: 6/2 10:15. */
function time(ms: number): string {
  const d = new Date(ms + 9 * 3600_000);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()} ${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
}

function day(ms: number): string {
  const d = new Date(ms + 9 * 3600_000);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
}
