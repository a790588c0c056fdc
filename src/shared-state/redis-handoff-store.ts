// Handoff tickets in Redis (REDIS_URL), so a handoff works whichever replica receives the resident's next
// message or the staff reply in the thread. Keys (under REDIS_KEY_PREFIX):
//   handoff:ticket:<id>               the ticket as JSON (a closed one expires after a day)
//   handoff:resident:<channel>:<user> the id of the resident's ticket that is not closed
//   handoff:thread:<channel>:<ts>     the id of the ticket the thread belongs to (kept a day after closing,
//                                     so a late staff reply can be told the conversation is over)
//   handoff:active                    a set of the ids not closed (the idle sweep)
// Closing is one Lua script (close once, whichever replica's sweep gets there first). While Redis is
// unreachable reads find nothing and writes fail at once with HandoffStoreUnavailableError.
import type { Redis } from "ioredis";
import {
  residentKey,
  threadKey,
  type HandoffStore,
  type HandoffTicket,
  type ResidentRef,
  type ThreadRef,
} from "../dialogue/handoff/handoff.js";
import { orFallback, type OutageReporter } from "./redis-outage.js";

const KEEP_CLOSED_MS = 24 * 60 * 60 * 1000;
const ACTIVE = "handoff:active";
const ticketKey = (id: string) => `handoff:ticket:${id}`;
const residentIndex = (r: ResidentRef) => `handoff:resident:${residentKey(r)}`;
const threadIndex = (t: ThreadRef) => `handoff:thread:${threadKey(t)}`;

/**
 * KEYS: ticket, active set, resident index, thread index; ARGV: the closed ticket's JSON, keep-closed ms,
 * its id, "1" if it has a thread. Closes the ticket unless the stored one is closed already.
 */
const CLOSE = `
local cur = redis.call('GET', KEYS[1])
if cur then
  local ok, t = pcall(cjson.decode, cur)
  if ok and type(t) == 'table' and t.state == 'closed' then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('SREM', KEYS[2], ARGV[3])
if ARGV[4] == '1' then redis.call('SET', KEYS[4], ARGV[3], 'PX', ARGV[2]) end
if redis.call('GET', KEYS[3]) == ARGV[3] then redis.call('DEL', KEYS[3]) end
return 1`;

interface CloseCommand {
  madoguchiCloseHandoff(...args: string[]): Promise<number>;
}

/** A ticket write while Redis is unreachable: the caller tells the resident staff cannot be reached now. */
export class HandoffStoreUnavailableError extends Error {
  constructor(status: string) {
    super(`handoff tickets cannot be stored: redis ${status}`);
    this.name = "HandoffStoreUnavailableError";
  }
}

export class RedisHandoffStore implements HandoffStore {
  constructor(
    private readonly redis: Redis,
    private readonly onOutage?: OutageReporter,
  ) {
    redis.defineCommand("madoguchiCloseHandoff", { numberOfKeys: 4, lua: CLOSE });
  }

  async close(ticket: HandoffTicket): Promise<boolean> {
    this.ready();
    const thread = ticket.thread ? threadIndex(ticket.thread) : "handoff:thread:-";
    const closed = await (this.redis as unknown as CloseCommand).madoguchiCloseHandoff(
      ticketKey(ticket.id),
      ACTIVE,
      residentIndex(ticket.resident),
      thread,
      JSON.stringify(ticket),
      String(KEEP_CLOSED_MS),
      ticket.id,
      ticket.thread ? "1" : "0",
    );
    return closed === 1;
  }

  async save(ticket: HandoffTicket): Promise<void> {
    this.ready();
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

  // Reads while Redis is away find nothing (reported): the resident is answered by the bot meanwhile
  // instead of their message failing, and a staff reply is told the thread is unknown.
  async get(id: string): Promise<HandoffTicket | undefined> {
    return this.read("handoff.get", undefined, async () => parse(await this.redis.get(ticketKey(id))));
  }

  async activeFor(resident: ResidentRef): Promise<HandoffTicket | undefined> {
    return this.read("handoff.activeFor", undefined, async () => {
      const id = await this.redis.get(residentIndex(resident));
      const ticket = id ? parse(await this.redis.get(ticketKey(id))) : undefined;
      return ticket && ticket.state !== "closed" ? ticket : undefined;
    });
  }

  async byThread(thread: ThreadRef): Promise<HandoffTicket | undefined> {
    return this.read("handoff.byThread", undefined, async () => {
      const id = await this.redis.get(threadIndex(thread));
      return id ? parse(await this.redis.get(ticketKey(id))) : undefined;
    });
  }

  async active(): Promise<HandoffTicket[]> {
    return this.read("handoff.active", [], async () => {
      const ids = await this.redis.smembers(ACTIVE);
      if (ids.length === 0) return [];
      const tickets = (await this.redis.mget(ids.map(ticketKey))).map(parse);
      return tickets.filter((t): t is HandoffTicket => t !== undefined && t.state !== "closed");
    });
  }

  private read<T>(op: string, fallback: T, run: () => Promise<T>): Promise<T> {
    return orFallback(this.redis, op, fallback, this.onOutage, run);
  }

  /** A write fails at once while the connection is down (not after the 2-second command timeout). */
  private ready(): void {
    if (this.redis.status !== "ready") throw new HandoffStoreUnavailableError(this.redis.status);
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
