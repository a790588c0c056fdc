// Block Kit types, from the Slack SDK that Bolt re-exports (so nothing else needs a direct dependency).
import type { types } from "@slack/bolt";

export type KnownBlock = types.KnownBlock;
export type SectionBlock = types.SectionBlock;
export type ActionsBlock = types.ActionsBlock;
export type ContextBlock = types.ContextBlock;
export type Button = types.Button;
export type PlainTextElement = types.PlainTextElement;
export type MrkdwnElement = types.MrkdwnElement;
export type HomeView = types.HomeView;
export type ModalView = types.ModalView;

/** A message as chat.postMessage, chat.postEphemeral and response_url take it. */
export interface SlackMessage {
  /** The notification / fallback text (mrkdwn). */
  text: string;
  blocks: KnownBlock[];
}

export function plain(text: string): PlainTextElement {
  return { type: "plain_text", text, emoji: true };
}

export function mrkdwn(text: string, verbatim?: boolean): MrkdwnElement {
  return verbatim === undefined ? { type: "mrkdwn", text } : { type: "mrkdwn", text, verbatim };
}
