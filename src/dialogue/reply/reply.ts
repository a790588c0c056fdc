// The engine's answer as channel-neutral data. Channels render it: LINE as Flex bubbles and quick replies,
// Slack as Block Kit, the web page as HTML, the CLI as plain text (render-plain-text.ts). A channel that
// cannot show buttons shows the suggestions' labels; the text alone must still make sense.
import type { Aspect, IntentId } from "../intents/intent-schema.js";

export interface ProgramRef {
  id: string;
  municipality: string;
  name: string;
}

/** The facts of one program to show on a card, all taken from its knowledge entry and source. */
export interface ProgramCard extends ProgramRef {
  /**
   * The summary's first sentences (about 120 characters), for a compact card; null when the source gives
   * only the name. Channels that show the card alone in a detail answer should show `fullSummary`.
   */
  summary: string | null;
  /** The entry's whole summary, as the source writes it: the plain-text rendering and detail views show it. */
  fullSummary: string | null;
  /** The amounts as the source writes them, joined; null when the source states none. */
  amountText: string | null;
  /** Who it is for: the eligibility text, else the audiences; null when the source says nothing. */
  forWhom: string | null;
  department: string;
  periodText: string | null;
  /** The period ended before today (the notice to show is in `notice`). */
  periodEnded: boolean;
  /** 「計画期間は令和6年度まで。…」 when the period has ended. */
  notice: string | null;
  /**
   * What the source says of the program's status when it is not simply running (予算ゼロ, 見直し中…), with
   * its words: 「見直し中（資料の記載:「【令和4年度は予算ゼロ】…」）。…」; null when the source says nothing.
   */
  status: string | null;
  nameOnly: boolean;
  sourceTitle: string;
  sourceDate: string;
  /** Facts staff confirmed (amount, way to apply, contact, status), each with its own source; shown beside the document's. */
  staffFacts: StaffFactLine[];
}

/** One staff-confirmed fact of a program, ready to show: 「金額: 1回5万円まで（子育て支援課 山田 確認 2026-12-01）」. */
export interface StaffFactLine {
  field: "amount" | "apply" | "contact" | "status";
  /** 金額 / 申請方法 / 問い合わせ先 / 実施状況 */
  label: string;
  value: string;
  /** 「子育て支援課 山田 確認 2026-12-01」: department, who, date. */
  citation: string;
  url?: string;
  /** The confirmation is older than the configured age (knowledge/staff/settings.yaml, default 12 months). */
  old: boolean;
  /** With `old`: 「確認から1年以上たっています」. */
  oldNotice?: string;
  /** The whole line as plain text (label, value, citation, and the age notice when old). */
  text: string;
}

export type CheckAction =
  | { kind: "check"; op: "start" | "back" | "quit" | "resume" | "result" }
  | { kind: "check"; op: "answer"; step: string; option: string }
  | { kind: "check"; op: "edit"; step: string };

/** What a button or postback asks the engine to do. */
export type Action =
  | { kind: "aspect"; programId: string; aspect: Aspect }
  | { kind: "select"; programId: string }
  | { kind: "category"; category: string }
  | { kind: "text"; text: string }
  | { kind: "back" }
  | { kind: "reset" }
  | { kind: "handoff" }
  | CheckAction;

export interface Suggestion {
  /** At most 20 characters (LINE quick-reply labels). */
  label: string;
  action: Action;
}

export interface ListItem {
  /** 1-based, as the person refers to it (「2番目」). */
  n: number;
  label: string;
  /** A line under the label: the municipality, or why a program matched in the 制度診断. */
  detail?: string;
  programId?: string;
}

export interface Reply {
  text: string;
  cards: ProgramCard[];
  list: ListItem[];
  /** Said after the list: the question that narrows it (「どれについて知りたいですか？…」). */
  listFooter?: string;
  /**
   * The listed programs' cards, in list order, for channels that show a list as cards side by side (LINE's
   * carousel). `list` stays the whole answer for every other channel, and the fallback where cards cannot go.
   */
  listCards?: ProgramCard[];
  suggestions: Suggestion[];
  /** Every program this reply shows, in order. */
  programs: ProgramRef[];
  intent: IntentId;
  noMatch: boolean;
  /**
   * The person asked for a member of staff and one can take over on this channel: the channel should pass
   * the conversation on. Absent otherwise (never a promise where nobody is behind it).
   */
  handoff?: true;
  /**
   * With `handoff`: what the person asked earlier in this conversation (their last few typed questions,
   * personal data already masked), oldest first, so the staff who take over see the actual question.
   */
  earlier?: string[];
}

export const SUGGESTION_LABEL_MAX = 20;

/** A reply with the defaults filled in. */
export function reply(intent: IntentId, text: string, parts: Partial<Omit<Reply, "intent" | "text">> = {}): Reply {
  return { text, cards: [], list: [], suggestions: [], programs: [], noMatch: false, ...parts, intent };
}

export function suggestion(label: string, action: Action): Suggestion {
  const short =
    [...label].length > SUGGESTION_LABEL_MAX ? `${[...label].slice(0, SUGGESTION_LABEL_MAX - 1).join("")}…` : label;
  return { label: short, action };
}
