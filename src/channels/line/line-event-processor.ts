// Handles the events of acknowledged webhooks: each event on its own (one failure never touches the others),
// each webhookEventId once (duplicates and redeliveries dropped, also when copies arrive together), one
// resident's events in order, different residents side by side. `acceptBatch` runs before the webhook's
// 200: it drops what needs no answer and duplicates, and puts the rest into the durable queue, which hands
// them back to `handleQueued` (also after a crash, with `redo`).
import { randomUUID } from "node:crypto";
import type { DeliveryStore } from "../../shared-state/delivery-store.js";
import { MemoryAnswerGuard, type AnswerGuard } from "../../shared-state/answer-guard.js";
import {
  MemoryEventQueue,
  type AcceptedEvent,
  type EventQueue,
  type QueuedEvent,
} from "../../shared-state/event-queue.js";
import { deliverPatiently, type PatienceOptions } from "./patient-delivery.js";
import type { LineMessenger } from "./line-messenger.js";
import { LineApiError } from "./line-api-client.js";
import { classifyEvent, eventInfo, type LineEventInfo, type LineEventKind } from "./line-event.js";
import { KeyedSerial } from "../../util/keyed-serial.js";
import { SILENT_LOG, type LineLog } from "./line-log.js";
import { WithdrawnMessages } from "./withdrawn-messages.js";
import type { LineAnswerer } from "./line-answerer.js";
import { BurstGate } from "./burst-gate.js";

export interface LineEventProcessorOptions {
  answerer: LineAnswerer;
  messenger: LineMessenger;
  dedupe: DeliveryStore;
  /** Which copy of an event answers it when the queue holds more than one (default: this process only). */
  answers?: AnswerGuard;
  /** Where accepted events wait for their answer (default: memory only). */
  queue?: EventQueue;
  /** The queue's name for this channel's events (the channel name). */
  source?: string;
  /** How long an answer waits for the LINE API to come back. */
  patience?: PatienceOptions;
  /** Each event's handling, for the server's background work (a graceful stop and `idle()` wait for it). */
  track?: (work: Promise<void>) => void;
  /** How long an event id is remembered (LINE redelivers within hours; default 24 h). */
  dedupeTtlMs?: number;
  /** One-to-one chats see the loading animation when an answer takes longer than this (default 800 ms). */
  loadingAfterMs?: number;
  /** Whether the server is acknowledging a burst of webhooks: the events' handling waits until it is over. */
  bursting?: () => boolean;
  log?: LineLog;
  /** Counts what happened to each event; the server passes its metrics. */
  onOutcome?: (type: string, outcome: EventOutcome) => void;
  now?: () => number;
}

/** Tries of an event whose handling failed on our side (1 s, 2 s, 4 s, 8 s apart). */
const INTERNAL_RETRIES = 5;

/** Loading-animation calls made at once; see startLoadingTimer. */
const MAX_LOADING_CALLS_IN_FLIGHT = 4;

/** How often a loading indicator held back by a burst looks again. */
const LOADING_RETRY_IN_BURST_MS = 250;

/** "answered-before": a redo whose answer had gone out before the crash (its reply token was used). */
export type EventOutcome = "answered" | "answered-before" | "silent" | "duplicate" | "ignored" | "failed";

export class LineEventProcessor {
  private readonly queue = new KeyedSerial();
  private readonly withdrawn = new WithdrawnMessages();
  private readonly inFlight = new Set<Promise<void>>();
  private loadingCallsInFlight = 0;
  private idling: Promise<void> | undefined;
  private readonly log: LineLog;
  private readonly now: () => number;
  private readonly events: EventQueue;
  private readonly source: string;
  private readonly answers: AnswerGuard;
  /** Events handed back during a burst of webhooks wait here, in order, until it is over. */
  private readonly gate: BurstGate | undefined;

  constructor(private readonly opts: LineEventProcessorOptions) {
    this.log = opts.log ?? SILENT_LOG;
    this.now = opts.now ?? Date.now;
    this.events = opts.queue ?? new MemoryEventQueue();
    this.source = opts.source ?? "line";
    this.answers = opts.answers ?? new MemoryAnswerGuard();
    this.gate = opts.bursting ? new BurstGate({ bursting: opts.bursting }) : undefined;
    this.events.consume(this.source, (e) => this.handleQueued(e));
  }

  /**
   * Takes the events of one webhook body before its 200: those that need no answer and duplicates are
   * settled here, unsend events are applied at once (they must overtake the answer they withdraw), the rest
   * are stored in the queue. Resolves once they are stored; never rejects.
   */
  async acceptBatch(events: readonly unknown[], receivedAt: number): Promise<void> {
    const kept = await Promise.all(events.map((raw) => this.admit(raw)));
    const accepted = kept.filter((e): e is AcceptedEvent => e !== undefined);
    try {
      await this.events.accept(this.source, accepted, receivedAt);
      // The queue hands accepted events back on a later turn: tell the server's background work now, so a
      // graceful stop (and a test's idle()) waits for their answers rather than finding nothing in flight.
      if (accepted.length > 0) this.opts.track?.(this.idle());
    } catch (e) {
      this.log.error({ err: errorSummary(e), events: accepted.length }, "line events not queued");
    }
    // A local queue hands the events over on the next turn: bridge the gap, so that whoever waits for the
    // background work (idle(), a graceful stop) does not find it empty in between.
    if (accepted.length > 0) this.track(new Promise<void>((resolve) => setImmediate(resolve)));
  }

  /**
   * Resolves when every event taken so far has been handled (tests, graceful shutdown). Every webhook
   * tracks it, so all callers share one wait: one per webhook, each over every event in flight, made a
   * 2,000-event spike spend seconds of the acknowledging event loop on promise bookkeeping.
   */
  idle(): Promise<void> {
    this.idling ??= this.untilIdle().finally(() => {
      this.idling = undefined;
    });
    return this.idling;
  }

  private async untilIdle(): Promise<void> {
    do {
      await new Promise<void>((resolve) => setImmediate(resolve)); // events accepted hand over on the next turn
      while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    } while (this.inFlight.size > 0);
  }

  /** The part of the handling before the queue; undefined when the event is settled already. */
  private async admit(raw: unknown): Promise<AcceptedEvent | undefined> {
    const info = eventInfo(raw);
    const kind = classifyEvent(raw);
    if (info.standby || kind.kind === "ignored" || !info.conversation) return this.settled(info, "ignored");
    try {
      if (
        info.webhookEventId &&
        !(await claimSoon(this.opts.dedupe.claim(info.webhookEventId, this.opts.dedupeTtlMs ?? 86_400_000)))
      )
        return this.settled(info, "duplicate");
    } catch (e) {
      this.log.warn({ err: errorSummary(e) }, "line dedupe check failed; answering"); // answered twice beats never
    }
    if (kind.kind !== "unsend") return { id: info.webhookEventId ?? randomUUID(), payload: raw };
    this.withdrawn.add(kind.messageId);
    const work = this.opts.answerer.forgetMessage(info.conversation, kind.messageId).then(
      () => this.settled(info, "silent"),
      (e: unknown) => {
        this.log.error({ event: info.type, err: errorSummary(e) }, "line event failed");
        this.settled(info, "failed");
      },
    );
    this.track(work);
    return undefined;
  }

  /** The queue hands an event back: answer it, count and log the outcome. Never rejects. */
  handleQueued(event: QueuedEvent): Promise<void> {
    const work = this.gate ? this.gate.pass(() => this.processEvent(event)) : this.processEvent(event);
    this.track(work);
    return work;
  }

  private track(work: Promise<unknown>): void {
    const done = work.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
    this.opts.track?.(done);
  }

  private settled(info: LineEventInfo, outcome: EventOutcome): undefined {
    this.opts.onOutcome?.(info.type, outcome);
    this.log.info(
      { event: info.type, webhookEventId: info.webhookEventId ?? null, redelivery: info.redelivery, outcome, ms: 0 },
      "line event",
    );
    return undefined;
  }

  private async processEvent(event: QueuedEvent): Promise<void> {
    const info = eventInfo(event.payload);
    const started = this.now();
    let outcome: EventOutcome = "failed";
    if (event.redo && info.webhookEventId) {
      // Taken again after a crash: remember it, so a redelivery of it from now on is still a duplicate.
      await this.opts.dedupe.claim(info.webhookEventId, this.opts.dedupeTtlMs ?? 86_400_000).catch(() => true);
    }
    try {
      outcome = await this.answerOnce(event, (mayBeAnswered) =>
        this.withRetries(info, () => this.route(info, classifyEvent(event.payload), event, mayBeAnswered)),
      );
    } catch (e) {
      this.log.error(
        { event: info.type, webhookEventId: info.webhookEventId ?? null, err: errorSummary(e) },
        "line event failed",
      );
    }
    this.opts.onOutcome?.(info.type, outcome);
    this.log.info(
      {
        event: info.type,
        webhookEventId: info.webhookEventId ?? null,
        redelivery: info.redelivery,
        redo: event.redo,
        outcome,
        ms: this.now() - started,
      },
      "line event",
    );
  }

  /**
   * A failure of our own side — a shared store that is restarting, say — is tried again a few times over
   * about 15 s before the event counts as failed; the LINE API's failures have their own patience (or are
   * final: a refused message), so they are not.
   */
  private async withRetries(info: LineEventInfo, work: () => Promise<EventOutcome>): Promise<EventOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (e) {
        if (e instanceof LineApiError || attempt >= INTERNAL_RETRIES) throw e;
        this.log.warn(
          { event: info.type, webhookEventId: info.webhookEventId ?? null, err: errorSummary(e), attempt },
          "line event failed; trying again",
        );
        await new Promise((r) => setTimeout(r, 1_000 * 2 ** (attempt - 1)));
      }
    }
  }

  /**
   * One copy of an event is answered even when the queue holds two (answer-guard.ts): the others wait for
   * it and count as duplicates. `mayBeAnswered`: a redo, or a copy whose earlier holder died.
   */
  private async answerOnce(
    event: QueuedEvent,
    answer: (mayBeAnswered: boolean) => Promise<EventOutcome>,
  ): Promise<EventOutcome> {
    const turn = await this.answers.acquire(`${this.source}:${event.id}`, event.alone ? { alone: true } : {});
    if (turn.verdict === "done") return "duplicate";
    try {
      return await answer(event.redo || turn.unsure);
    } finally {
      turn.finish();
    }
  }

  private async route(
    info: LineEventInfo,
    kind: LineEventKind,
    event: QueuedEvent,
    mayBeAnswered: boolean,
  ): Promise<EventOutcome> {
    const conversation = info.conversation;
    if (!conversation || kind.kind === "ignored" || kind.kind === "unsend") return "ignored";
    const receivedAt = event.receivedAt;
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
      const target = {
        replyToken: info.replyToken,
        receivedAt,
        eventTimestamp: info.timestamp,
        chatId: conversation.chatId,
        retrySeed: event.id,
      };
      const via = await deliverPatiently(this.opts.messenger, target, messages, {
        ...this.opts.patience,
        redo: mayBeAnswered,
        log: this.log,
      });
      this.log.info({ event: info.type, via, messages: messages.length }, "line answer sent");
      return via === "already" ? "answered-before" : "answered";
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
    const show = () => {
      // While webhooks arrive in a burst, each API call (about a millisecond of this loop) would hold up
      // their acknowledgements: the indicator waits for the burst to pass.
      if (this.opts.bursting?.()) {
        timer = setTimeout(show, LOADING_RETRY_IN_BURST_MS);
        return;
      }
      // After a burst every waiting resident's timer fires at once: a storm of API calls that would hold up
      // the acknowledgements (issue #8's load run). A few at a time; the rest get the answer without it.
      if (this.loadingCallsInFlight >= MAX_LOADING_CALLS_IN_FLIGHT) return;
      this.loadingCallsInFlight++;
      call = this.opts.messenger.showLoading(chat.chatId).finally(() => {
        this.loadingCallsInFlight--;
      });
    };
    let timer = setTimeout(show, this.opts.loadingAfterMs ?? 800);
    return {
      stop: async () => {
        clearTimeout(timer);
        await call;
      },
    };
  }
}

/**
 * The duplicate check before the 200 may not hold up the acknowledgement: a Redis that is going away can
 * leave a command waiting for its 2 s timeout. After 300 ms the event counts as new (answered at least
 * once; the answer guard in `answerOnce` still keeps a second copy from being answered).
 */
function claimSoon(claim: Promise<boolean>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), 300);
  });
  return Promise.race([claim, late]).finally(() => clearTimeout(timer));
}

/** An error's name and status for the log: never its message, which could quote what a resident wrote. */
function errorSummary(e: unknown): object {
  if (!(e instanceof Error)) return { type: typeof e };
  const status = (e as { status?: unknown }).status;
  return { name: e.name, ...(typeof status === "number" ? { status } : {}) };
}
