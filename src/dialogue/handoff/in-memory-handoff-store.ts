// Tickets in one process's memory. Closed tickets are kept a day (so a late staff reply in the thread
// can be told the conversation is over) and then dropped, so memory stays bounded.
import {
  residentKey,
  threadKey,
  type HandoffStore,
  type HandoffTicket,
  type ResidentRef,
  type ThreadRef,
} from "./handoff.js";

const KEEP_CLOSED_MS = 24 * 60 * 60 * 1000;

export class InMemoryHandoffStore implements HandoffStore {
  private readonly tickets = new Map<string, HandoffTicket>();

  constructor(private readonly now: () => number = Date.now) {}

  async save(ticket: HandoffTicket): Promise<void> {
    this.tickets.set(ticket.id, structuredClone(ticket));
    this.dropOldClosed();
  }

  async get(id: string): Promise<HandoffTicket | undefined> {
    return copy(this.tickets.get(id));
  }

  async activeFor(resident: ResidentRef): Promise<HandoffTicket | undefined> {
    const key = residentKey(resident);
    return copy([...this.tickets.values()].find((t) => t.state !== "closed" && residentKey(t.resident) === key));
  }

  async byThread(thread: ThreadRef): Promise<HandoffTicket | undefined> {
    const key = threadKey(thread);
    return copy([...this.tickets.values()].find((t) => t.thread !== undefined && threadKey(t.thread) === key));
  }

  async active(): Promise<HandoffTicket[]> {
    return [...this.tickets.values()].filter((t) => t.state !== "closed").map((t) => structuredClone(t));
  }

  async close(ticket: HandoffTicket): Promise<boolean> {
    if (this.tickets.get(ticket.id)?.state === "closed") return false; // no await in between: atomic here
    await this.save(ticket);
    return true;
  }

  private dropOldClosed(): void {
    const cutoff = this.now() - KEEP_CLOSED_MS;
    for (const [id, t] of this.tickets) if (t.state === "closed" && t.lastActivityAt < cutoff) this.tickets.delete(id);
  }
}

function copy(t: HandoffTicket | undefined): HandoffTicket | undefined {
  return t && structuredClone(t);
}
