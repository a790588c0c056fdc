// One LINE official account, assembled from the channel context: API client, messenger, answerer, event
// processor and webhook handler.
import type { messagingApi } from "@line/bot-sdk";
import type { ChannelContext } from "../channel-context.js";
import type { RouteHandler } from "../http/route.js";
import type { LineChannelConfig } from "./line-config.js";
import { LineApiClient } from "./line-api-client.js";
import { LineMessenger } from "./line-messenger.js";
import { LineAnswerer } from "./line-answerer.js";
import { LineEventProcessor } from "./line-event-processor.js";
import { createLineWebhookHandler } from "./line-webhook-handler.js";
import { splitText } from "./split-text.js";
import { LINE_LIMITS } from "./line-limits.js";
import { patienceFromEnv } from "./patient-delivery.js";

export class LineChannel {
  readonly handle: RouteHandler;
  private readonly messenger: LineMessenger;
  private readonly processor: LineEventProcessor;

  constructor(
    readonly config: LineChannelConfig,
    ctx: ChannelContext,
  ) {
    const { channel } = config;
    const log = ctx.log;
    const client = new LineApiClient({
      channelAccessToken: config.channelAccessToken,
      apiBaseUrl: config.apiBaseUrl,
      dataApiBaseUrl: config.dataApiBaseUrl,
      log,
    });
    this.messenger = new LineMessenger(client, { log });
    const answerer = new LineAnswerer({
      channel,
      municipality: config.municipality,
      handoff: ctx.handoff,
      respond: async (input) => {
        const reply = await ctx.engine.respond(input);
        if (reply.noMatch) ctx.metrics.noMatch.inc({ channel: "line" });
        return reply;
      },
      ...(ctx.engine.exampleQuestions
        ? { exampleQuestions: (m: string | null) => ctx.engine.exampleQuestions!(m) }
        : {}),
      admit: (user) => ctx.admission.line(channel, user),
      forgetSession: (user) => ctx.engine.forgetConversation({ channel, user }),
      // An unsent message leaves the session's recent questions and every kept turn (the App Home's list).
      forgetMessage: async (user, messageId) => {
        ctx.turns.forget({ channel, user, messageId });
        await ctx.engine.forgetMessage({ channel, user, messageId });
      },
    });
    this.processor = new LineEventProcessor({
      answerer,
      messenger: this.messenger,
      log,
      loadingAfterMs: config.loadingAfterMs,
      ...(ctx.bursting ? { bursting: ctx.bursting } : {}),
      queue: ctx.queue,
      answers: ctx.answers,
      source: channel,
      patience: { maxWaitMs: patienceFromEnv(ctx.env) },
      track: (work) => ctx.background("line-event", () => work),
      dedupe: { claim: (id, ttl) => ctx.deliveries.claim(`${channel}:${id}`, ttl) },
      onOutcome: (type, outcome) => {
        ctx.metrics.lineEvents.inc({ channel, type, outcome });
        if (outcome === "duplicate") ctx.metrics.duplicateDeliveriesDropped.inc({ channel: "line" });
      },
    });
    this.handle = createLineWebhookHandler({
      channelSecret: config.channelSecret,
      name: config.name,
      acceptBatch: (events, receivedAt) => this.processor.acceptBatch(events, receivedAt),
    });
  }

  /** Sends a text to a resident unprompted (a staff member's answer during a handoff). */
  async pushText(chatId: string, text: string): Promise<void> {
    const messages: messagingApi.Message[] = splitText(text, LINE_LIMITS.textUnits, LINE_LIMITS.messagesPerRequest).map(
      (t) => ({ type: "text", text: t }),
    );
    if (messages.length === 0) return;
    await this.messenger.push(chatId, messages);
  }

  /** Resolves when every acknowledged event has been handled. */
  idle(): Promise<void> {
    return this.processor.idle();
  }
}
