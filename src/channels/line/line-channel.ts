// One LINE official account, assembled: API client, messenger, answerer, event processor and webhook handler.
import type { messagingApi } from "@line/bot-sdk";
import type { LineChannelConfig } from "./line-config.js";
import { LineApiClient } from "./line-api-client.js";
import { LineMessenger } from "./line-messenger.js";
import { LineAnswerer, type LineEngine, type LineHandoff } from "./line-answerer.js";
import { LineEventProcessor, type EventOutcome } from "./line-event-processor.js";
import { createLineWebhookHandler, type LineWebhookRequest, type LineWebhookResponse } from "./line-webhook-handler.js";
import type { DeliveryStore } from "../delivery-store.js";
import { SILENT_LOG, type LineLog } from "./line-log.js";
import type { Reply } from "../../dialogue/reply/reply.js";
import { splitText } from "./split-text.js";
import { LINE_LIMITS } from "./line-limits.js";

export interface LineChannelDeps {
  engine: LineEngine;
  dedupe: DeliveryStore;
  log?: LineLog;
  forgetSession?: (channel: string, user: string) => Promise<void>;
  forgetMessage?: (channel: string, user: string, messageId: string) => Promise<void>;
  handoff?: LineHandoff;
  /** Per-resident rate limit (the server's `limits.lineAdmission`); absent: every message is answered. */
  admit?: (channel: string, user: string) => Promise<"answer" | "notice" | "drop">;
  /** Called with every engine reply (the server counts no-matches). */
  onReply?: (channel: string, reply: Reply) => void;
  onOutcome?: (channel: string, type: string, outcome: EventOutcome) => void;
  /** The server's background tasks, so a graceful stop waits for acknowledged events. */
  track?: (work: Promise<void>) => void;
  fetch?: typeof fetch;
}

export class LineChannel {
  readonly handle: (req: LineWebhookRequest) => LineWebhookResponse;
  private readonly messenger: LineMessenger;
  private readonly processor: LineEventProcessor;

  constructor(readonly config: LineChannelConfig, deps: LineChannelDeps) {
    const log = deps.log ?? SILENT_LOG;
    const client = new LineApiClient({
      channelAccessToken: config.channelAccessToken, apiBaseUrl: config.apiBaseUrl, dataApiBaseUrl: config.dataApiBaseUrl, log,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
    this.messenger = new LineMessenger(client, { log });
    const engine: LineEngine = deps.onReply
      ? {
          respond: async (input) => { const reply = await deps.engine.respond(input); deps.onReply!(config.channel, reply); return reply; },
          ...(deps.engine.exampleQuestions ? { exampleQuestions: (m: string | null) => deps.engine.exampleQuestions!(m) } : {}),
        }
      : deps.engine;
    const answerer = new LineAnswerer({
      engine, channel: config.channel, municipality: config.municipality, handoff: deps.handoff,
      admit: deps.admit && ((user) => deps.admit!(config.channel, user)),
      forgetSession: deps.forgetSession && ((user) => deps.forgetSession!(config.channel, user)),
      forgetMessage: deps.forgetMessage && ((user, id) => deps.forgetMessage!(config.channel, user, id)),
    });
    this.processor = new LineEventProcessor({
      answerer, messenger: this.messenger, log, loadingAfterMs: config.loadingAfterMs,
      dedupe: { claim: (id, ttl) => deps.dedupe.claim(`${config.channel}:${id}`, ttl) },
      onOutcome: deps.onOutcome && ((type, outcome) => deps.onOutcome!(config.channel, type, outcome)),
    });
    this.handle = createLineWebhookHandler({
      channelSecret: config.channelSecret, name: config.name, track: deps.track,
      processBatch: (events, receivedAt) => this.processor.processBatch(events, receivedAt),
    });
  }

  /** Sends a text to a resident unprompted (a staff member's answer during a handoff). */
  async pushText(chatId: string, text: string): Promise<void> {
    const messages: messagingApi.Message[] = splitText(text, LINE_LIMITS.textUnits, LINE_LIMITS.messagesPerRequest).map((t) => ({ type: "text", text: t }));
    if (messages.length === 0) return;
    await this.messenger.push(chatId, messages);
  }

  /** Resolves when every acknowledged event has been handled. */
  idle(): Promise<void> {
    return this.processor.idle();
  }
}
