// The engine's Reply as a Slack message: what was asked, the engine's text, a section per program, the
// numbered choices and next actions as buttons, and (for a lookup) a municipality filter and a button to
// share an answer only the asker can see. The message stays within Block Kit's limits whatever the reply.
import type { ListItem, Reply, Suggestion } from "../../../dialogue/reply/reply.js";
import { LIMITS } from "../block-limits.js";
import { clip, personMrkdwn, personPlainText } from "../mrkdwn.js";
import { encodeAction, encodeLookup, type LookupState } from "../action-value.js";
import { programSection } from "./program-section.js";
import { ADD_FACT_ACTION } from "../staff/fact-modal.js";
import { mrkdwn, plain, type ActionsBlock, type Button, type KnownBlock, type SlackMessage } from "./block-types.js";

export const MAX_PROGRAMS = 10;
const MAX_LIST_BUTTONS = 10;
const MAX_SUGGESTIONS = 5;
export const SHARE_ACTION = "share_answer";
export const FILTER_ACTION = "municipality_filter";
export const SELECT_ACTION_PREFIX = "select_program:";
export const SUGGESTION_ACTION_PREFIX = "suggestion:";
export const ALL_MUNICIPALITIES = "*";

export interface AnswerOptions {
  /** The lookup that produced the reply; present for lookups (enables the filter and share controls). */
  lookup?: LookupState;
  /** Municipality names offered by the filter (none or one: no filter). */
  municipalities?: readonly string[];
  /** Adds the button that shares an ephemeral answer in the channel. */
  shareable?: boolean;
  /** The Slack user who shared the answer (a user id), shown above a shared answer. */
  sharedBy?: string;
}

export function answerMessage(reply: Reply, options: AnswerOptions = {}): SlackMessage {
  const blocks: KnownBlock[] = [];
  const asked = askedContext(options);
  if (asked) blocks.push(asked);
  if (reply.text.trim())
    blocks.push({ type: "section", text: plain(clip(personPlainText(reply.text), LIMITS.sectionText)) });
  const shown = reply.cards.slice(0, MAX_PROGRAMS);
  const wholeSummary = reply.cards.length === 1;
  for (const card of shown) blocks.push({ type: "divider" }, programSection(card, { wholeSummary }));
  // Slack is the staff's channel: a program shown alone can get a staff-confirmed fact (a draft to approve)
  if (wholeSummary && shown[0] && !options.sharedBy)
    blocks.push({
      type: "actions",
      block_id: "staff_fact",
      elements: [
        { type: "button", action_id: ADD_FACT_ACTION, text: plain("情報を追加（職員確認）"), value: shown[0].id },
      ],
    });
  if (reply.cards.length > shown.length) {
    blocks.push({
      type: "context",
      elements: [plain(`ほか ${reply.cards.length - shown.length} 件あります。ことばを足して絞り込んでください。`)],
    });
  }
  blocks.push(...listBlocks(reply.list));
  const next = suggestionButtons(reply.suggestions);
  if (next) blocks.push(next);
  const controls = lookupControls(options);
  if (controls) blocks.push(controls);
  return { text: fallbackText(reply), blocks };
}

function askedContext(options: AnswerOptions): KnownBlock | undefined {
  const elements = [];
  if (options.sharedBy && /^[UW][A-Z0-9]{2,20}$/.test(options.sharedBy))
    elements.push(mrkdwn(`<@${options.sharedBy}> さんが共有しました`));
  if (options.lookup) {
    const where = options.lookup.m ? `（${options.lookup.m}）` : "";
    elements.push(plain(clip(`検索: ${personPlainText(options.lookup.q)}${where}`, LIMITS.sectionText)));
  }
  return elements.length > 0 ? { type: "context", elements } : undefined;
}

function listBlocks(list: ListItem[]): KnownBlock[] {
  if (list.length === 0) return [];
  const lines = list.map((i) => `${i.n}. ${personMrkdwn(i.label)}${i.detail ? `（${personMrkdwn(i.detail)}）` : ""}`);
  const blocks: KnownBlock[] = [{ type: "section", text: mrkdwn(clip(lines.join("\n"), LIMITS.sectionText), true) }];
  const buttons: Button[] = list
    .filter((i): i is ListItem & { programId: string } => i.programId !== undefined)
    .slice(0, MAX_LIST_BUTTONS)
    .map((i) => ({
      type: "button",
      action_id: `${SELECT_ACTION_PREFIX}${i.n}`,
      text: plain(clip(`${i.n}. ${i.label}`, LIMITS.buttonText)),
      value: i.programId,
    }));
  if (buttons.length > 0) blocks.push({ type: "actions", elements: buttons });
  return blocks;
}

function suggestionButtons(suggestions: Suggestion[]): ActionsBlock | undefined {
  const buttons: Button[] = [];
  for (const s of suggestions) {
    if (s.action.kind === "handoff") continue; // staff are the people a handoff reaches
    const value = encodeAction(s.action);
    if (!value || buttons.length >= MAX_SUGGESTIONS) continue;
    buttons.push({
      type: "button",
      action_id: `${SUGGESTION_ACTION_PREFIX}${buttons.length}`,
      text: plain(clip(s.label, LIMITS.buttonText)),
      value,
    });
  }
  return buttons.length > 0 ? { type: "actions", block_id: "suggestions", elements: buttons } : undefined;
}

function lookupControls(options: AnswerOptions): ActionsBlock | undefined {
  const lookup = options.lookup;
  if (!lookup) return undefined;
  const elements: ActionsBlock["elements"] = [];
  const names = options.municipalities ?? [];
  const state = encodeLookup({ q: lookup.q }, LIMITS.blockId - "lookup:".length);
  if (names.length > 1 && state) {
    const all = { text: plain("すべての自治体"), value: ALL_MUNICIPALITIES };
    const options_ = [
      all,
      ...names
        .slice(0, LIMITS.selectOptions - 1)
        .map((n) => ({ text: plain(clip(n, LIMITS.optionText)), value: clip(n, LIMITS.optionValue) })),
    ];
    const initial = options_.find((o) => o.value === (lookup.m ?? ALL_MUNICIPALITIES));
    elements.push({
      type: "static_select",
      action_id: FILTER_ACTION,
      placeholder: plain("自治体で絞り込む"),
      options: options_,
      ...(initial ? { initial_option: initial } : {}),
    });
  }
  const shareValue = encodeLookup(lookup);
  if (options.shareable && shareValue)
    elements.push({ type: "button", action_id: SHARE_ACTION, text: plain("チャンネルに共有"), value: shareValue });
  if (elements.length === 0) return undefined;
  return { type: "actions", block_id: state && names.length > 1 ? `lookup:${state}` : "lookup", elements };
}

/** The notification text: the engine's text (which may quote the person) made safe, or the program names. */
function fallbackText(reply: Reply): string {
  const text =
    reply.text.trim() || reply.cards.map((c) => c.name).join("、") || "お答えできる情報が見つかりませんでした。";
  return clip(personMrkdwn(text), LIMITS.messageText);
}
