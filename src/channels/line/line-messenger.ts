// Gets an answer to a resident: with the reply token while it is fresh (free, and LINE's intended path),
// else by push with an X-Line-Retry-Key derived from the event, so a retried push is delivered once.
import type { messagingApi } from "@line/bot-sdk";
import { LineApiError, type LineApiClient } from "./line-api-client.js";
import { retryKeyFor } from "./retry-key.js";
import { SILENT_LOG, type LineLog } from "./line-log.js";

export interface DeliveryTarget {
  replyToken: string | undefined;
  /** When the webhook carrying the event arrived (a reply token lives about a minute from delivery). */
  receivedAt: number;
  /** LINE's event timestamp: a token is never valid 20 minutes after the event, redelivered or not. */
  eventTimestamp: number | undefined;
  /** groupId, roomId or userId. */
  chatId: string;
  /** Seed of the push retry key: the webhookEventId, so every attempt for one event carries the same key. */
  retrySeed: string | undefined;
}

export interface LineMessengerOptions {
  /** A token older than this (from delivery) is not used; LINE's limit is about 60 s. */
  replyTokenFreshMs?: number;
  now?: () => number;
  log?: LineLog;
}

const TWENTY_MINUTES = 20 * 60 * 1000;

export class LineMessenger {
  private readonly freshMs: number;
  private readonly now: () => number;
  private readonly log: LineLog;

  constructor(
    private readonly client: LineApiClient,
    options: LineMessengerOptions = {},
  ) {
    this.freshMs = options.replyTokenFreshMs ?? 50_000;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? SILENT_LOG;
  }

  /**
   * Sends `messages`; says which way they went. Throws LineApiError when neither way worked. With `redo`
   * (the event was taken before by a process that died, which may have answered it), a fresh reply token
   * that LINE refuses was used already: the answer went out ("already"); a push is keyed by the event, so
   * LINE accepts it once.
   */
  async deliver(
    target: DeliveryTarget,
    messages: messagingApi.Message[],
    options: { redo?: boolean } = {},
  ): Promise<"reply" | "push" | "already"> {
    if (target.replyToken && this.isFresh(target)) {
      try {
        await this.client.reply(target.replyToken, messages);
        return "reply";
      } catch (e) {
        if (!isInvalidReplyToken(e)) throw e;
        if (options.redo) return "already";
        this.log.warn(
          { chatId: target.chatId, retrySeed: target.retrySeed ?? null },
          "reply token refused; pushing instead",
        );
      }
    }
    await this.push(target.chatId, messages, target.retrySeed);
    return "push";
  }

  /** A push outside any event (e.g. a staff member's answer from a Slack thread). */
  async push(chatId: string, messages: messagingApi.Message[], retrySeed?: string): Promise<void> {
    await this.client.push(chatId, messages, retryKeyFor(retrySeed));
  }

  /** The typing indicator in a one-to-one chat; a failure only costs the animation, so it is logged, not thrown. */
  async showLoading(userId: string, seconds = 20): Promise<void> {
    try {
      await this.client.showLoadingAnimation(userId, seconds);
    } catch (e) {
      this.log.warn({ status: e instanceof LineApiError ? (e.status ?? null) : null }, "loading animation failed");
    }
  }

  private isFresh(target: DeliveryTarget): boolean {
    const now = this.now();
    if (now - target.receivedAt > this.freshMs) return false;
    return target.eventTimestamp === undefined || now - target.eventTimestamp < TWENTY_MINUTES - 30_000;
  }
}

function isInvalidReplyToken(e: unknown): boolean {
  if (!(e instanceof LineApiError) || e.status !== 400) return false;
  const message = (e.body as { message?: unknown } | null)?.message;
  return typeof message === "string" && /reply ?token/i.test(message);
}
