// Handoff tickets in Redis (REDIS_URL), so a handoff works whichever replica receives the resident's next
// message or the staff reply in the thread. Keys (under REDIS_KEY_PREFIX):
//   handoff:ticket:<id>               the ticket as JSON (a closed one expires after a day)
//   handoff:resident:<channel>:<user> the id of the resident's ticket that is not closed
//   handoff:thread:<channel>:<ts>     the id of the ticket the thread belongs to (kept a day after closing,
//                                     so a late staff reply can be told the conversation is over)
//   handoff:active                    a set of the ids not closed (the idle sweep)
import type { Redis } from "ioredis";
import {
  residentKey,
  threadKey,
  type HandoffStore,
  type HandoffTicket,
  type ResidentRef,
  type ThreadRef,
} from "../dialogue/handoff/handoff.js";

const KEEP_CLOSED_MS = 24 * 60 * 60 * 1000;
const ACTIVE = "handoff:active";
const ticketKey = (id: string) => `handoff:ticket:${id}`;
const residentIndex = (r: ResidentRef) => `handoff:resident:${residentKey(r)}`;
const threadIndex = (t: ThreadRef) => `handoff:thread:${threadKey(t)}`;

export class RedisHandoffStore implements HandoffStore {
  constructor(private readonly redis: Redis) {}

  async save(ticket: HandoffTicket): Promise<void> {
    const json = JSON.stringify(ticket);
    const m = this.redis.multi();
    if (ticket.state === "closed") {
      m.set(ticketKey(ticket.id), json, "PX", KEEP_CLOSED_MS).srem(ACTIVE, ticket.id);
      if (ticket.thread) m.set(threadIndex(ticket.thread), ticket.id, "PX", KEEP_CLOSED_MS);
    } else {
      m.set(ticketKey(ticket.id), json).sadd(ACTIVE, ticket.id).set(residentIndex(ticket.resident), ticket.id);
      if (ticket.thread) m.set(threadIndex(ticket.thread), ticket.id);
    }
    await m.exec();
    // the resident's index points at their live ticket only: drop it when that ticket closes
    if (ticket.state === "closed" && (await this.redis.get(residentIndex(ticket.resident))) === ticket.id)
      await this.redis.del(residentIndex(ticket.resident));
  }

  async get(id: string): Promise<HandoffTicket | undefined> {
    return parse(await this.redis.get(ticketKey(id)));
  }

  async activeFor(resident: ResidentRef): Promise<HandoffTicket | undefined> {
    const id = await this.redis.get(residentIndex(resident));
    const ticket = id ? await this.get(id) : undefined;
    return ticket && ticket.state !== "closed" ? ticket : undefined;
  }

  async byThread(thread: ThreadRef): Promise<HandoffTicket | undefined> {
    const id = await this.redis.get(threadIndex(thread));
    return id ? this.get(id) : undefined;
  }

  async active(): Promise<HandoffTicket[]> {
    const ids = await this.redis.smembers(ACTIVE);
    if (ids.length === 0) return [];
    const tickets = (await this.redis.mget(ids.map(ticketKey))).map(parse);
    return tickets.filter((t): t is HandoffTicket => t !== undefined && t.state !== "closed");
  }
}

function parse(json: string | null): HandoffTicket | undefined {
  if (!json) return undefined;
  try {
    return JSON.parse(json) as HandoffTicket;
  } catch {
    return undefined;
  }
}
