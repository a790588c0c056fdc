// What the bot says to one event: text and button presses go to the conversation engine, follow gets the
// greeting, stickers and photos get a polite request for words, unfollow forgets the session. While a
// resident talks to staff (handoff), their messages go to the staff thread and the bot stays silent.
import type { messagingApi } from "@line/bot-sdk";
import type { Action, Reply } from "../../dialogue/reply/reply.js";
import type { EngineInput } from "../../dialogue/engine/conversation-engine.js";
import type { Admission } from "../channel-context.js";
import type { LineConversation, LineEventKind } from "./line-event.js";
import { renderLineReply, withQuickReplies } from "./render-reply.js";
import {
  accountSuggestions,
  greetingMessages,
  mediaMessages,
  pleaseWaitMessages,
  type LineExamples,
} from "./fixed-replies.js";

type Message = messagingApi.Message;

/** The handoff to staff as the LINE channel uses it (src/dialogue/handoff's HandoffService fits). */
export interface LineHandoff {
  relayFromResident(resident: ResidentOnLine, text: string): Promise<boolean>;
  open(resident: ResidentOnLine, question: string, earlier?: string[]): Promise<string>;
}

export interface ResidentOnLine {
  channel: string;
  userId: string;
  municipality?: string;
}

export interface LineAnswererOptions {
  /** One turn of the conversation engine. */
  respond(input: EngineInput): Promise<Reply>;
  /** Example questions from the account's own programs, for the follow greeting (absent: none shown). */
  exampleQuestions?(municipality: string | null): LineExamples;
  /** The channel name the engine and the handoff know this LINE account by ("line", or "line/<name>"). */
  channel: string;
  /** The account's scope: a city's account answers about that city. */
  municipality: string | undefined;
  /** Forgets the resident's conversation (unfollow). */
  forgetSession?: (user: string) => Promise<void>;
  /**
   * Drops whatever was kept of an unsent message (the session's recent questions, the App Home's question
   * list: the engine gets each text message's id for this); the channel itself keeps no text.
   */
  forgetMessage?: (user: string, messageId: string) => Promise<void>;
  handoff?: LineHandoff;
  /**
   * Per-resident flood control (the server's rate limit, issue #8): "answer"; "notice" = say 「少しお待ちください」
   * once; "drop" = stay silent. LINE still gets 200 for every webhook.
   */
  admit?: (user: string) => Promise<Admission>;
}

const STALE_BUTTON =
  "このボタンは使えなくなりました。お手数ですが、知りたいことを文字で送るか、下のボタンから選んでください。";

export class LineAnswerer {
  constructor(private readonly opts: LineAnswererOptions) {}

  /** The messages to send for one event, or undefined to stay silent. */
  async answer(conversation: LineConversation, kind: LineEventKind): Promise<Message[] | undefined> {
    if ((kind.kind === "text" || kind.kind === "postback" || kind.kind === "media") && this.opts.admit) {
      const admission = await this.opts.admit(conversation.user);
      if (admission === "drop") return undefined;
      if (admission === "notice") return pleaseWaitMessages();
    }
    switch (kind.kind) {
      case "text":
        if (await this.relayedToStaff(conversation, kind.text)) return undefined;
        return this.fromEngine(
          conversation,
          { text: kind.text, ...(kind.messageId ? { messageId: kind.messageId } : {}) },
          kind.text,
        );
      case "postback":
        if (!kind.action) return staleButton(this.examples());
        if (await this.relayedToStaff(conversation, postbackAsText(kind.action))) return undefined;
        return this.fromEngine(conversation, { action: kind.action }, postbackAsText(kind.action));
      case "follow":
        return greetingMessages(this.opts.municipality, this.examples());
      case "unfollow":
        await this.opts.forgetSession?.(conversation.user);
        return undefined;
      case "media":
        if (await this.relayedToStaff(conversation, `（${kind.mediaType} が送られました）`)) return undefined;
        return mediaMessages(kind.mediaType, this.examples());
      default:
        return undefined;
    }
  }

  async forgetMessage(conversation: LineConversation, messageId: string): Promise<void> {
    await this.opts.forgetMessage?.(conversation.user, messageId);
  }

  private examples(): LineExamples {
    return this.opts.exampleQuestions?.(this.opts.municipality ?? null) ?? {};
  }

  private resident(conversation: LineConversation): ResidentOnLine {
    return {
      channel: this.opts.channel,
      userId: conversation.chatId,
      ...(this.opts.municipality ? { municipality: this.opts.municipality } : {}),
    };
  }

  private async relayedToStaff(conversation: LineConversation, text: string): Promise<boolean> {
    return (await this.opts.handoff?.relayFromResident(this.resident(conversation), text)) ?? false;
  }

  private async fromEngine(
    conversation: LineConversation,
    input: { text: string; messageId?: string } | { action: Action },
    question: string,
  ): Promise<Message[]> {
    const base = { user: conversation.user, channel: this.opts.channel, municipality: this.opts.municipality ?? null };
    const reply = await this.opts.respond({ ...base, ...input });
    if (reply.handoff && this.opts.handoff) {
      // The engine's earlier question is masked already; the handoff masks everything again before staff see it.
      const told = await this.opts.handoff.open(this.resident(conversation), question, reply.earlier ?? []);
      return [{ type: "text", text: told }];
    }
    return renderLineReply(reply);
  }
}

function staleButton(examples: LineExamples): Message[] {
  const messages: Message[] = [{ type: "text", text: STALE_BUTTON }];
  withQuickReplies(messages, accountSuggestions(examples));
  return messages;
}

/** What a button press said, for the staff thread during a handoff. */
function postbackAsText(action: Action): string {
  if (action.kind === "text") return action.text;
  if (action.kind === "category") return action.category;
  if (action.kind === "handoff") return "職員に相談したい";
  if (action.kind === "aspect") return `（ボタン: ${action.programId} の ${action.aspect}）`;
  return `（ボタン: ${action.kind}）`;
}
