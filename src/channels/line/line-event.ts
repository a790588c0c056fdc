// What the channel needs to know about one webhook event, read defensively: LINE adds event types and fields
// at any time, and a body that passed the signature check can still lack what we expect.
import type { webhook } from "@line/bot-sdk";
import type { Action } from "../../dialogue/reply/reply.js";
import { decodePostbackAction } from "./postback-action.js";
import { MEDIA_TYPES } from "./fixed-replies.js";

export type LineEventKind =
  | { kind: "text"; text: string; messageId: string | undefined }
  | { kind: "postback"; action: Action | undefined }
  | { kind: "follow" }
  | { kind: "unfollow" }
  | { kind: "media"; mediaType: string }
  | { kind: "unsend"; messageId: string }
  | { kind: "ignored"; reason: string };

/** Who an answer goes to: the user, and the chat a push is addressed to (the group or room in group chats). */
export interface LineConversation {
  /** The person (or, when LINE withholds the user id in a group, the group): the engine's session key. */
  user: string;
  /** Where a push goes: groupId, roomId or userId. */
  chatId: string;
  /** A one-to-one chat (the loading animation is available only there). */
  oneToOne: boolean;
}

export interface LineEventInfo {
  type: string;
  webhookEventId: string | undefined;
  replyToken: string | undefined;
  /** Milliseconds since the epoch, as LINE stamped the event. */
  timestamp: number | undefined;
  standby: boolean;
  redelivery: boolean;
  conversation: LineConversation | undefined;
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);

export function eventInfo(raw: unknown): LineEventInfo {
  const e = (typeof raw === "object" && raw !== null ? raw : {}) as Partial<webhook.EventBase> & {
    replyToken?: unknown;
  };
  return {
    type: str(e.type) ?? "unknown",
    webhookEventId: str(e.webhookEventId),
    replyToken: str(e.replyToken),
    timestamp: typeof e.timestamp === "number" ? e.timestamp : undefined,
    standby: e.mode === "standby",
    redelivery: e.deliveryContext?.isRedelivery === true,
    conversation: conversationOf(e.source),
  };
}

function conversationOf(source: webhook.Source | undefined): LineConversation | undefined {
  const s = (source ?? {}) as { type?: unknown; userId?: unknown; groupId?: unknown; roomId?: unknown };
  const userId = str(s.userId);
  const chatId = s.type === "group" ? str(s.groupId) : s.type === "room" ? str(s.roomId) : userId;
  if (!chatId) return undefined;
  return { user: userId ?? chatId, chatId, oneToOne: s.type === "user" };
}

export function classifyEvent(raw: unknown): LineEventKind {
  const e = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const message = (e["message"] ?? {}) as { type?: unknown; text?: unknown; id?: unknown };
  switch (e["type"]) {
    case "message":
      if (message.type === "text" && typeof message.text === "string")
        return { kind: "text", text: message.text, messageId: str(message.id) };
      if (typeof message.type === "string" && MEDIA_TYPES.includes(message.type))
        return { kind: "media", mediaType: message.type };
      return { kind: "ignored", reason: `message type ${String(message.type)}` };
    case "postback": {
      const data = (e["postback"] as { data?: unknown } | undefined)?.data;
      return { kind: "postback", action: typeof data === "string" ? decodePostbackAction(data) : undefined };
    }
    case "follow":
      return { kind: "follow" };
    case "unfollow":
      return { kind: "unfollow" };
    case "unsend": {
      const messageId = str((e["unsend"] as { messageId?: unknown } | undefined)?.messageId);
      return messageId ? { kind: "unsend", messageId } : { kind: "ignored", reason: "unsend without messageId" };
    }
    default:
      return { kind: "ignored", reason: `event type ${String(e["type"])}` };
  }
}
