// Handing a resident's conversation to a member of staff: the small interface between the channel the
// resident uses (LINE) and the one staff use (Slack). Neither channel imports the other: the resident's
// channel implements ResidentMessenger, the staff's implements StaffDesk, and HandoffService (handoff-service.ts)
// moves messages between them. Every text that crosses is masked before it reaches the staff side.

/** A resident on a channel, e.g. { channel: "line", userId: "U4af4980629…" }. */
export interface ResidentRef {
  channel: string;
  userId: string;
  /** The municipality whose account the resident wrote to, shown to staff. */
  municipality?: string;
}

/** Where the conversation lives on the staff side (Slack: the channel id and the thread's parent ts). */
export interface ThreadRef {
  channel: string;
  ts: string;
}

export type HandoffCloseReason = "staff" | "timeout" | "desk-unavailable";

export interface HandoffTicket {
  id: string;
  resident: ResidentRef;
  thread?: ThreadRef;
  state: "opening" | "open" | "closed";
  /** What the resident asked when asking for a person, personal data masked (shown to staff). */
  question?: string;
  /** Milliseconds since the epoch. */
  openedAt: number;
  lastActivityAt: number;
  closedReason?: HandoffCloseReason;
  /** Who closed it on the staff side (a Slack user id), when staff did. */
  closedBy?: string;
}

/** The staff side: opens a thread per ticket and posts the resident's (masked) messages to it. */
export interface StaffDesk {
  openThread(ticket: HandoffTicket, maskedQuestion: string): Promise<ThreadRef>;
  postToThread(ticket: HandoffTicket, maskedText: string): Promise<void>;
  /** Tells staff the ticket is closed (and why), e.g. by replacing the close button. */
  noteClosed(ticket: HandoffTicket): Promise<void>;
}

/** The resident side: sends a plain text to the resident, unprompted (LINE: a push message). */
export interface ResidentMessenger {
  send(resident: ResidentRef, text: string): Promise<void>;
}

/** Where tickets live; Redis in production (issue #8), memory in one process and in tests. */
export interface HandoffStore {
  save(ticket: HandoffTicket): Promise<void>;
  get(id: string): Promise<HandoffTicket | undefined>;
  /** The resident's ticket that is not closed, if any. */
  activeFor(resident: ResidentRef): Promise<HandoffTicket | undefined>;
  byThread(thread: ThreadRef): Promise<HandoffTicket | undefined>;
  /** Tickets not closed (for the idle sweep). */
  active(): Promise<HandoffTicket[]>;
  /**
   * Saves `ticket` (state "closed") unless the stored one is closed already: true for the one caller that
   * closed it, false for every other — atomic, so two replicas' idle sweeps close a ticket once.
   */
  close(ticket: HandoffTicket): Promise<boolean>;
}

export function residentKey(r: ResidentRef): string {
  return `${r.channel}:${r.userId}`;
}

export function threadKey(t: ThreadRef): string {
  return `${t.channel}:${t.ts}`;
}
