// The EventQueue shared by replicas (REDIS_URL): a Redis Stream with one consumer group. Each accepted event
// is XADDed before the webhook's 200; every replica reads new entries with XREADGROUP (whichever replica is
// free answers, whichever one received the webhook), and XACKs + XDELs an entry once its handler is done
// with it, so the resident's text leaves Redis with the answer. A replica that dies leaves its entries
// pending: a live replica XAUTOCLAIMs entries idle for longer than `claimIdleMs` and answers them (redo).
// Live replicas refresh the idle time of the entries they are still working on (XCLAIM … JUSTID to
// themselves), so only a dead consumer's entries go idle that long.
//
// While Redis is unreachable (restarting, a network blink), or an XADD takes longer than `addTimeoutMs`,
// the events go to this process's local journal instead (`fallback`) and are answered from there: the
// webhook is still acknowledged within LINE's limit and nothing accepted is lost. Acks that could not be
// sent wait in memory and go once Redis is back. The stream needs Redis with persistence (appendonly yes),
// or a Redis restart forgets what was waiting (docs/reliability.md).
import type { Redis } from "ioredis";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { AcceptedEvent, EventQueue, QueueHandler } from "./event-queue.js";

export interface RedisStreamQueueOptions {
  /** Where events go while Redis is away (the local journal; memory when there is none). */
  fallback: EventQueue & { close?(): Promise<void> };
  /** Entries pending this long on a consumer that stopped refreshing them are claimed (default 15 s). */
  claimIdleMs?: number;
  /** An XADD slower than this is not waited for: the events go to the fallback (default 400 ms). */
  addTimeoutMs?: number;
  /** Entries one replica works on at once (default 256). */
  maxInFlight?: number;
  onTrouble?: (op: string, e: unknown) => void;
}

const GROUP = "answerers";

type StreamEntry = [id: string, fields: string[]];

export class RedisStreamQueue implements EventQueue {
  readonly consumer = `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
  private readonly handlers = new Map<string, QueueHandler>();
  /** Stream entry ids this replica is working on. */
  private readonly working = new Set<string>();
  private readonly unacked = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private readonly claimIdleMs: number;
  private readonly addTimeoutMs: number;
  private readonly maxInFlight: number;
  private stopped = false;
  private loops: Promise<void>[] = [];
  private readonly stream: string;

  /**
   * `redis` and `reader` (which blocks in XREADGROUP) are connections of their own WITHOUT ioredis'
   * keyPrefix — ioredis does not prefix the keys of XGROUP and XREADGROUP — so the stream's key carries the
   * prefix explicitly: `${keyPrefix}events`.
   */
  constructor(
    private readonly redis: Redis,
    private readonly reader: Redis,
    keyPrefix: string,
    private readonly options: RedisStreamQueueOptions,
  ) {
    this.stream = `${keyPrefix}events`;
    this.claimIdleMs = options.claimIdleMs ?? 15_000;
    this.addTimeoutMs = options.addTimeoutMs ?? 400;
    this.maxInFlight = options.maxInFlight ?? 256;
  }

  async accept(source: string, events: readonly AcceptedEvent[], receivedAt: number): Promise<void> {
    if (events.length === 0) return;
    if (this.redis.status === "ready") {
      const pipeline = this.redis.pipeline();
      for (const e of events)
        pipeline.xadd(
          this.stream,
          "*",
          "id",
          e.id,
          "s",
          source,
          "r",
          String(receivedAt),
          "p",
          JSON.stringify(e.payload),
        );
      const added = await withTimeout(pipeline.exec(), this.addTimeoutMs).catch((e: unknown) => {
        this.options.onTrouble?.("stream.add", e);
        return undefined;
      });
      if (added?.every(([err]) => !err)) return;
      // The XADD went out and may yet land (ioredis sends it again on reconnecting): the stream may hold a
      // twin of each of these, which the answer guard keeps from being answered twice.
      await this.options.fallback.accept(source, events, receivedAt);
      return;
    }
    // Nothing was sent to Redis: the journal's copy is the only one.
    await this.options.fallback.accept(
      source,
      events.map((e) => ({ ...e, alone: true })),
      receivedAt,
    );
  }

  consume(source: string, handler: QueueHandler): void {
    this.handlers.set(source, handler);
    this.options.fallback.consume(source, handler);
    if (this.loops.length === 0) this.loops = [this.readLoop(), this.claimLoop()];
  }

  /** Entries of this replica not done with yet, and acks waiting for Redis. */
  get stats(): { working: number; unacked: number } {
    return { working: this.working.size, unacked: this.unacked.size };
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.reader.disconnect();
    await Promise.all(this.loops);
    await this.flushAcks();
    await this.redis.quit().catch(() => this.redis.disconnect());
    await this.options.fallback.close?.();
  }

  private async readLoop(): Promise<void> {
    await this.ensureGroup();
    while (!this.stopped) {
      if (this.working.size >= this.maxInFlight) {
        await sleep(20);
        continue;
      }
      try {
        const count = Math.min(64, this.maxInFlight - this.working.size);
        const reply = (await this.reader.xreadgroup(
          "GROUP",
          GROUP,
          this.consumer,
          "COUNT",
          count,
          "BLOCK",
          1_000,
          "STREAMS",
          this.stream,
          ">",
        )) as [string, StreamEntry[]][] | null;
        for (const [, entries] of reply ?? []) for (const entry of entries) this.dispatch(entry, false);
      } catch (e) {
        if (this.stopped) break;
        if (e instanceof Error && e.message.includes("NOGROUP")) await this.ensureGroup();
        else {
          this.options.onTrouble?.("stream.read", e);
          await sleep(500);
        }
      }
    }
  }

  /** Every third of the idle time: refresh our own entries, send acks that failed, claim a dead consumer's. */
  private async claimLoop(): Promise<void> {
    const every = Math.max(200, Math.floor(this.claimIdleMs / 3));
    while (!this.stopped) {
      await sleep(every);
      if (this.stopped || this.redis.status !== "ready") continue;
      try {
        if (this.working.size > 0)
          await this.redis.xclaim(this.stream, GROUP, this.consumer, 0, ...this.working, "JUSTID");
        await this.flushAcks();
        await this.claimAbandoned();
      } catch (e) {
        this.options.onTrouble?.("stream.claim", e);
      }
    }
  }

  private async claimAbandoned(): Promise<void> {
    let cursor = "0-0";
    do {
      if (this.working.size >= this.maxInFlight) return;
      const [next, entries] = (await this.redis.xautoclaim(
        this.stream,
        GROUP,
        this.consumer,
        this.claimIdleMs,
        cursor,
        "COUNT",
        100,
      )) as [string, (StreamEntry | null)[]];
      for (const entry of entries) {
        if (entry && !this.working.has(entry[0])) this.dispatch(entry, true);
      }
      cursor = next;
    } while (cursor !== "0-0" && !this.stopped);
  }

  private dispatch([streamId, fields]: StreamEntry, redo: boolean): void {
    const f = fieldMap(fields);
    const handler = this.handlers.get(f["s"] ?? "");
    if (!handler || f["id"] === undefined) return; // not a source this replica serves: left for one that does
    let payload: unknown;
    try {
      payload = JSON.parse(f["p"] ?? "null");
    } catch {
      payload = null;
    }
    this.working.add(streamId);
    const work = handler({ id: f["id"], source: f["s"]!, receivedAt: Number(f["r"]), payload, redo })
      .catch(() => undefined)
      .then(() => this.ack(streamId))
      .finally(() => {
        this.working.delete(streamId);
        this.running.delete(work);
      });
    this.running.add(work);
  }

  private async ack(streamId: string): Promise<void> {
    try {
      if (this.redis.status !== "ready") throw new Error(`redis ${this.redis.status}`);
      await this.redis.multi().xack(this.stream, GROUP, streamId).xdel(this.stream, streamId).exec();
    } catch (e) {
      this.unacked.add(streamId);
      this.options.onTrouble?.("stream.ack", e);
    }
  }

  private async flushAcks(): Promise<void> {
    if (this.unacked.size === 0 || this.redis.status !== "ready") return;
    const ids = [...this.unacked];
    try {
      await this.redis
        .multi()
        .xack(this.stream, GROUP, ...ids)
        .xdel(this.stream, ...ids)
        .exec();
      for (const id of ids) this.unacked.delete(id);
    } catch (e) {
      this.options.onTrouble?.("stream.ack", e);
    }
  }

  private async ensureGroup(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.redis.xgroup("CREATE", this.stream, GROUP, "0", "MKSTREAM");
        return;
      } catch (e) {
        if (e instanceof Error && e.message.includes("BUSYGROUP")) return;
        this.options.onTrouble?.("stream.group", e);
        await sleep(500);
      }
    }
  }
}

function fieldMap(fields: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) out[fields[i]!] = fields[i + 1]!;
  return out;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
