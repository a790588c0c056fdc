// Handles the events of acknowledged webhooks: each event on its own (one failure never touches the others),
// each webhookEventId once (duplicates and redeliveries dropped, also when copies arrive together), one
// resident's events in order, different residents side by side.
import type { DeliveryStore } from "../../shared-state/delivery-store.js";
import type { LineMessenger } from "./line-messenger.js";
import { classifyEvent, eventInfo, type LineEventInfo, type LineEventKind } from "./line-event.js";
import { KeyedSerial } from "../../util/keyed-serial.js";
import { SILENT_LOG, type LineLog } from "./line-log.js";
import { WithdrawnMessages } from "./withdrawn-messages.js";
import type { LineAnswerer } from "./line-answerer.js";

export interface LineEventProcessorOptions {
  answerer: LineAnswerer;
  messenger: LineMessenger;
  dedupe: DeliveryStore;
  /** How long an event id is remembered (LINE redelivers within hours; default 24 h). */
  dedupeTtlMs?: number;
  /** One-to-one chats see the loading animation when an answer takes longer than this (default 800 ms). */
  loadingAfterMs?: number;
  log?: LineLog;
  /** Counts what happened to each event; the server passes its metrics. */
  onOutcome?: (type: string, outcome: EventOutcome) => void;
  now?: () => number;
}

/** Loading-animation calls made at once; see startLoadingTimer. */
const MAX_LOADING_CALLS_IN_FLIGHT = 4;

export type EventOutcome = "answered" | "silent" | "duplicate" | "ignored" | "failed";

export class LineEventProcessor {
  private readonly queue = new KeyedSerial();
  private readonly withdrawn = new WithdrawnMessages();
  private readonly inFlight = new Set<Promise<void>>();
  private loadingCallsInFlight = 0;
  private readonly log: LineLog;
  private readonly now: () => number;

  constructor(private readonly opts: LineEventProcessorOptions) {
    this.log = opts.log ?? SILENT_LOG;
    this.now = opts.now ?? Date.now;
  }

  /**
   * Handles every event of one webhook body, starting on the next turn of the event loop (so the webhook's
   * 200 goes out first); resolves when all are done, never rejects.
   */
  processBatch(events: readonly unknown[], receivedAt: number): Promise<void> {
    const work = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => Promise.all(events.map((e) => this.processEvent(e, receivedAt))))
      .then(() => undefined);
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
    return work;
  }

  /** Resolves when every batch started so far has been handled (tests, graceful shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private async processEvent(raw: unknown, receivedAt: number): Promise<void> {
    const info = eventInfo(raw);
    const started = this.now();
    let outcome: EventOutcome = "failed";
    try {
      outcome = await this.route(info, classifyEvent(raw), receivedAt);
    } catch (e) {
      this.log.error({ event: info.type, webhookEventId: info.webhookEventId ?? null, err: errorSummary(e) }, "line event failed");
    }
    this.opts.onOutcome?.(info.type, outcome);
    this.log.info({ event: info.type, webhookEventId: info.webhookEventId ?? null, redelivery: info.redelivery, outcome, ms: this.now() - started }, "line event");
  }

  private async route(info: LineEventInfo, kind: LineEventKind, receivedAt: number): Promise<EventOutcome> {
    if (info.standby || kind.kind === "ignored" || !info.conversation) return "ignored";
    if (info.webhookEventId && !(await this.opts.dedupe.claim(info.webhookEventId, this.opts.dedupeTtlMs ?? 86_400_000))) return "duplicate";
    const conversation = info.conversation;
    if (kind.kind === "unsend") {
      // Not queued: it must overtake the answer to the message it withdraws.
      this.withdrawn.add(kind.messageId);
      await this.opts.answerer.forgetMessage(conversation, kind.messageId);
      return "silent";
    }
    const loading = this.startLoadingTimer(info);
    return this.queue.run(conversation.user, async () => {
      let messages: Awaited<ReturnType<LineAnswerer["answer"]>>;
      try {
        if (kind.kind === "text" && kind.messageId && this.withdrawn.has(kind.messageId)) return "silent";
        messages = await this.opts.answerer.answer(conversation, kind);
      } finally {
        await loading.stop();
      }
      if (!messages || messages.length === 0) return "silent";
      const target = { replyToken: info.replyToken, receivedAt, eventTimestamp: info.timestamp, chatId: conversation.chatId, retrySeed: info.webhookEventId };
      const via = await this.opts.messenger.deliver(target, messages);
      this.log.info({ event: info.type, via, messages: messages.length }, "line answer sent");
      return "answered";
    });
  }

  /**
   * In a one-to-one chat, shows the typing indicator if the answer is not ready `loadingAfterMs` after the
   * event was taken (it may wait behind the resident's previous message, or on a shared store). `stop`
   * cancels it once the answer is ready and waits for a call already made, so the indicator never
   * arrives after the answer.
   */
  private startLoadingTimer(info: LineEventInfo): { stop(): Promise<void> } {
    const chat = info.conversation;
    if (!chat?.oneToOne) return { stop: async () => {} };
    let call: Promise<void> | undefined;
    const timer = setTimeout(() => {
      // In a burst every waiting resident's timer fires at once: a storm of API calls that would hold up the
      // webhook acknowledgements (issue #8's load run). A few at a time; the rest get the answer without it.
      if (this.loadingCallsInFlight >= MAX_LOADING_CALLS_IN_FLIGHT) return;
      this.loadingCallsInFlight++;
      call = this.opts.messenger.showLoading(chat.chatId).finally(() => { this.loadingCallsInFlight--; });
    }, this.opts.loadingAfterMs ?? 800);
    return {
      stop: async () => {
        clearTimeout(timer);
        await call;
      },
    };
  }
}

/** An error's name and status for the log: never its message, which could quote what a resident wrote. */
function errorSummary(e: unknown): object {
  if (!(e instanceof Error)) return { type: typeof e };
  const status = (e as { status?: unknown }).status;
  return { name: e.name, ...(typeof status === "number" ? { status } : {}) };
}
