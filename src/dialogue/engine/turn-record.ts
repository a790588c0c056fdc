// What the engine reports after each turn, for statistics (Slack App Home) and logs. The message text is
// masked (My Number, phone numbers, e-mail addresses) before it leaves the engine.
import type { IntentId } from "../intents/intent-schema.js";
import type { Reply } from "../reply/reply.js";
import { maskPersonalData } from "../../text/mask-personal-data.js";

export interface TurnRecord {
  time: string;
  channel: string;
  /** The person's id on the channel (not personal data by itself: it names no one). */
  user: string;
  /** The message with personal data masked; for a button, its action kind. */
  text: string;
  textLength: number;
  intent: IntentId;
  noMatch: boolean;
  handoff: boolean;
  programIds: string[];
  /** The channel's id of the message (LINE), when it has one: a withdrawn message is forgotten by it. */
  messageId?: string;
}

export type TurnObserver = (record: TurnRecord) => void;

export function turnRecord(
  input: { user: string; channel: string; text?: string; actionKind?: string; messageId?: string },
  r: Reply,
  now: Date,
): TurnRecord {
  const text = input.text ?? "";
  return {
    ...(input.messageId ? { messageId: input.messageId } : {}),
    time: now.toISOString(),
    channel: input.channel,
    user: input.user,
    text: input.text !== undefined ? maskPersonalData(text) : `[action:${input.actionKind ?? "?"}]`,
    textLength: [...text].length,
    intent: r.intent,
    noMatch: r.noMatch,
    handoff: r.handoff === true,
    programIds: r.programs.map((p) => p.id),
  };
}
