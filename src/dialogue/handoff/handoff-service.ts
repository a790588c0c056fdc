// Moves a conversation between a resident's channel and the staff desk (see handoff.ts for the parts).
// A resident with an open ticket is not answered by the bot: their messages go to the staff thread until
// staff close it or it has been idle for `idleTimeoutMs`. Work for one resident is serialised, so a
// message that arrives while the thread is still being opened waits for it instead of racing it.
import { randomUUID } from "node:crypto";
import { HANDOFF_MESSAGES, staffMessage } from "./handoff-messages.js";
import { KeyedSerial } from "../../util/keyed-serial.js";
import {
  residentKey,
  type HandoffCloseReason,
  type HandoffStore,
  type HandoffTicket,
  type ResidentMessenger,
  type ResidentRef,
  type StaffDesk,
  type ThreadRef,
} from "./handoff.js";

export interface HandoffLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface HandoffServiceOptions {
  store: HandoffStore;
  /** Masks personal data (src/text's maskPersonalData) in everything that reaches staff. */
  mask: (text: string) => string;
  /** A ticket with no message either way for this long is closed (default 30 minutes). */
  idleTimeoutMs?: number;
  now?: () => number;
  log?: HandoffLog;
}

export type StaffRelay = "sent" | "closed" | "unknown-thread" | "failed";

const SILENT: HandoffLog = { info: () => {}, warn: () => {} };

export class HandoffService {
  private desk: StaffDesk | undefined;
  private readonly messengers = new Map<string, ResidentMessenger>();
  private readonly queue = new KeyedSerial();
  private sweepTimer: NodeJS.Timeout | undefined;
  private readonly now: () => number;
  private readonly log: HandoffLog;
  private idleMs: number;

  constructor(private readonly options: HandoffServiceOptions) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? SILENT;
    this.idleMs = options.idleTimeoutMs ?? 30 * 60 * 1000;
  }

  get idleTimeoutMs(): number {
    return this.idleMs;
  }

  /** The staff side's setting (SLACK_HANDOFF_TIMEOUT_MINUTES) applies from the next check on. */
  setIdleTimeout(ms: number): void {
    if (!(ms > 0)) throw new RangeError("the handoff idle timeout must be positive");
    this.idleMs = ms;
  }

  /** The staff side (Slack) plugs in here; without a desk every request is told staff are unavailable. */
  attachDesk(desk: StaffDesk): void {
    this.desk = desk;
  }

  /** A resident channel (e.g. "line") plugs in its way of sending a message unprompted. */
  attachMessenger(channel: string, messenger: ResidentMessenger): void {
    this.messengers.set(channel, messenger);
  }

  get deskAttached(): boolean {
    return this.desk !== undefined;
  }

  /**
   * Whether a resident on `channel` can be handed to a person: a staff desk is attached and the channel can
   * carry staff replies back unprompted. Where not, the engine offers no handoff (a promise nobody keeps).
   */
  canReach(channel: string): boolean {
    return this.desk !== undefined && this.messengers.has(channel);
  }

  /**
   * The resident asked for a person. Opens a staff thread with the (masked) question and returns what to
   * tell the resident. `question` is what they asked; `earlier` their previous messages, oldest first.
   */
  async open(resident: ResidentRef, question: string, earlier: string[] = []): Promise<string> {
    return this.serially(resident, async () => {
      const existing = await this.liveTicket(resident);
      if (existing) return HANDOFF_MESSAGES.alreadyOpen;
      if (!this.desk) return HANDOFF_MESSAGES.unavailable;
      const t = this.now();
      const text = [...earlier, question]
        .filter((s) => s.trim() !== "")
        .map(this.options.mask)
        .join("\n");
      const ticket: HandoffTicket = {
        id: randomUUID(),
        resident,
        state: "opening",
        question: text,
        openedAt: t,
        lastActivityAt: t,
      };
      try {
        await this.options.store.save(ticket);
      } catch (e) {
        this.log.warn({ err: e }, "handoff: tickets cannot be stored now (shared store unreachable)");
        return HANDOFF_MESSAGES.unavailable;
      }
      try {
        ticket.thread = await this.desk.openThread(ticket, text);
        ticket.state = "open";
        await this.options.store.save(ticket);
        this.log.info({ ticket: ticket.id, channel: resident.channel }, "handoff opened");
        return HANDOFF_MESSAGES.opened;
      } catch (e) {
        await this.finish(ticket, "desk-unavailable");
        this.log.warn({ ticket: ticket.id, err: e }, "handoff: the staff desk could not open a thread");
        return HANDOFF_MESSAGES.unavailable;
      }
    });
  }

  /** Whether the resident is talking to staff now (the bot must stay silent). */
  async isActive(resident: ResidentRef): Promise<boolean> {
    return (await this.serially(resident, () => this.liveTicket(resident))) !== undefined;
  }

  /**
   * A message from the resident. true: it went to the staff thread (or the resident was told it could
   * not), and the bot must not answer it; false: no handoff is going on, the bot answers as usual.
   */
  async relayFromResident(resident: ResidentRef, text: string): Promise<boolean> {
    return this.serially(resident, async () => {
      const ticket = await this.liveTicket(resident);
      if (!ticket || !this.desk) return false;
      try {
        await this.desk.postToThread(ticket, this.options.mask(text));
      } catch (e) {
        this.log.warn({ ticket: ticket.id, err: e }, "handoff: could not post the resident's message to the thread");
        await this.tellResident(ticket.resident, HANDOFF_MESSAGES.notDelivered);
        return true;
      }
      ticket.lastActivityAt = this.now();
      await this.saveActivity(ticket);
      return true;
    });
  }

  /** A staff reply in a thread: sent to the resident when the thread belongs to an open ticket. */
  async relayFromStaff(thread: ThreadRef, text: string): Promise<StaffRelay> {
    const found = await this.options.store.byThread(thread);
    if (!found) return "unknown-thread";
    return this.serially(found.resident, async () => {
      const ticket = await this.options.store.get(found.id);
      if (ticket?.state !== "open" || (await this.expired(ticket))) return "closed";
      if (!(await this.tellResident(ticket.resident, staffMessage(text)))) return "failed";
      ticket.lastActivityAt = this.now();
      await this.saveActivity(ticket);
      return "sent";
    });
  }

  /** The resident's question of a ticket (masked), for staff who turn their reply into an answer. */
  async ticketQuestion(ticketId: string): Promise<string | undefined> {
    return (await this.options.store.get(ticketId))?.question;
  }

  /** The ticket of a thread, if the thread is a handoff's. */
  async ticketOfThread(thread: ThreadRef): Promise<string | undefined> {
    return (await this.options.store.byThread(thread))?.id;
  }

  /** Staff closed the ticket (the button in the thread). false when it was already closed. */
  async closeByStaff(ticketId: string, staffUserId: string): Promise<boolean> {
    const found = await this.options.store.get(ticketId);
    if (!found) return false;
    return this.serially(found.resident, async () => {
      const ticket = await this.options.store.get(ticketId);
      if (!ticket || ticket.state === "closed") return false;
      ticket.closedBy = staffUserId;
      await this.finish(ticket, "staff");
      return true;
    });
  }

  /** Closes every ticket idle longer than the timeout; returns how many. */
  async expireIdle(): Promise<number> {
    let closed = 0;
    for (const t of await this.options.store.active()) {
      const fresh = async () => {
        const ticket = await this.options.store.get(t.id);
        return ticket !== undefined && (await this.expired(ticket));
      };
      if (await this.serially(t.resident, fresh)) closed++;
    }
    return closed;
  }

  /** Sweeps idle tickets every `everyMs` until stop(). */
  start(everyMs = Math.min(60_000, Math.max(1_000, this.idleMs / 4))): void {
    this.stop();
    this.sweepTimer = setInterval(
      () => void this.expireIdle().catch((e: unknown) => this.log.warn({ err: e }, "handoff sweep failed")),
      everyMs,
    );
    this.sweepTimer.unref();
  }

  stop(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = undefined;
  }

  /** The resident's open ticket; one idle too long is closed on the way (and undefined returned). */
  private async liveTicket(resident: ResidentRef): Promise<HandoffTicket | undefined> {
    const ticket = await this.options.store.activeFor(resident);
    if (!ticket || (await this.expired(ticket))) return undefined;
    return ticket;
  }

  private async expired(ticket: HandoffTicket): Promise<boolean> {
    if (ticket.state === "closed" || this.now() - ticket.lastActivityAt < this.idleMs) return false;
    await this.finish(ticket, "timeout");
    return true;
  }

  private async finish(ticket: HandoffTicket, reason: HandoffCloseReason): Promise<void> {
    const wasOpen = ticket.state === "open";
    ticket.state = "closed";
    ticket.closedReason = reason;
    ticket.lastActivityAt = this.now();
    // Only the one that closes it tells the resident and staff (two replicas' sweeps may both try).
    const closed = await this.options.store.close(ticket).catch((e: unknown) => {
      this.log.warn(
        { ticket: ticket.id, err: e },
        "handoff: the close could not be stored; the next sweep tries again",
      );
      return false;
    });
    if (!closed) return;
    this.log.info({ ticket: ticket.id, reason }, "handoff closed");
    if (!wasOpen) return;
    await this.tellResident(
      ticket.resident,
      reason === "staff" ? HANDOFF_MESSAGES.closedByStaff : HANDOFF_MESSAGES.closedByTimeout,
    );
    await this.desk
      ?.noteClosed(ticket)
      .catch((e: unknown) =>
        this.log.warn({ ticket: ticket.id, err: e }, "handoff: could not note the close in the thread"),
      );
  }

  /** The message went through; a store that cannot record its time only shortens the idle timeout. */
  private async saveActivity(ticket: HandoffTicket): Promise<void> {
    await this.options.store
      .save(ticket)
      .catch((e: unknown) => this.log.warn({ ticket: ticket.id, err: e }, "handoff: activity not stored"));
  }

  private async tellResident(resident: ResidentRef, text: string): Promise<boolean> {
    const messenger = this.messengers.get(resident.channel);
    if (!messenger) {
      this.log.warn({ channel: resident.channel }, "handoff: no messenger for the resident's channel");
      return false;
    }
    try {
      await messenger.send(resident, text);
      return true;
    } catch (e) {
      this.log.warn({ channel: resident.channel, err: e }, "handoff: could not send to the resident");
      return false;
    }
  }

  /** Runs `work` after every earlier piece of work for the same resident has finished. */
  private serially<T>(resident: ResidentRef, work: () => Promise<T>): Promise<T> {
    return this.queue.run(residentKey(resident), work);
  }
}
