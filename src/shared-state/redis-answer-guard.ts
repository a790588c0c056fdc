// The answer guard shared by replicas. `answer:<id>` names the copy's holder (a process, by its consumer
// name) until it is done, then says `done`; both for 24 h, so a Redis restart with its append-only file
// keeps them (no lease runs out while Redis is away). Whether a holder still lives is its heartbeat key
// `alive:<holder>`, refreshed every third of `aliveMs`: a copy takes an event over only from a holder whose
// heartbeat has gone, and only once Redis has been reachable for a whole `aliveMs` (after a restart every
// live process renews its heartbeat first). One Lua script reads and decides, so two copies never both win.
//
// While Redis is away a copy that may have a twin waits for it (up to `outageWaitMs`), then answers unsure
// rather than never; a copy that is certainly alone answers at once. Markers that could not be written
// then are written as soon as Redis is back (on reconnecting, and with every heartbeat).
import type { Redis } from "ioredis";
import type { AcquireOptions, AnswerGuard, AnswerTurn } from "./answer-guard.js";

export interface RedisAnswerGuardOptions {
  /** This process's name, unique among the replicas (the stream consumer's). */
  holder: string;
  /** A holder whose heartbeat is this old is dead (the stream's claim idle time, default 15 s). */
  aliveMs?: number;
  /** How long a copy waits for an unreachable Redis before answering unsure (default 20 s). */
  outageWaitMs?: number;
  /** How long the markers stay (default 24 h, as the delivery dedupe). */
  ttlMs?: number;
  onTrouble?: (op: string, e: unknown) => void;
}

/** KEYS[1] answer key; ARGV: holder, ttl, prefixed heartbeat key stem, may take over ("1"). */
const ACQUIRE = `
local v = redis.call('GET', KEYS[1])
if not v then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 'mine' end
if v == 'done' then return 'done' end
if v == ARGV[1] then return 'self' end
if redis.call('EXISTS', ARGV[3] .. v) == 1 or ARGV[4] ~= '1' then return 'busy' end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 'taken'`;

type Verdict = "mine" | "done" | "self" | "busy" | "taken";

/** The script as ioredis' defineCommand adds it (EVALSHA, loaded again after a Redis restart). */
interface AcquireCommand {
  madoguchiAcquireAnswer(
    key: string,
    holder: string,
    ttl: string,
    aliveStem: string,
    mayTakeOver: string,
  ): Promise<Verdict>;
}

const POLL_MS = 200;
/** How long, and how many, finished ids are remembered: far beyond a done marker's way to Redis. */
const FINISHED_KEPT_MS = 10 * 60_000;
const MAX_FINISHED = 50_000;
/** Beyond any holder's patience with the LINE API (10 minutes): a holder still busy then is stuck. */
const MAX_WAIT_MS = 15 * 60_000;

export class RedisAnswerGuard implements AnswerGuard {
  private readonly aliveMs: number;
  private readonly outageWaitMs: number;
  private readonly ttlMs: number;
  /** Events this process holds, resolved when it finishes them (a twin in this process waits on it). */
  private readonly held = new Map<string, Promise<void>>();
  /** Done markers (or holds taken blind during an outage) still to write. */
  private readonly pending = new Map<string, string>();
  /** Events this process finished lately (insertion order = age), to read our own name on a key right. */
  private readonly finished = new Map<string, number>();
  private readySince: number | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisAnswerGuardOptions,
  ) {
    this.aliveMs = options.aliveMs ?? 15_000;
    this.outageWaitMs = options.outageWaitMs ?? 20_000;
    this.ttlMs = options.ttlMs ?? 86_400_000;
    redis.defineCommand("madoguchiAcquireAnswer", { numberOfKeys: 1, lua: ACQUIRE });
    if (redis.status === "ready") this.readySince = Date.now();
    redis.on("ready", () => {
      this.readySince = Date.now();
      void this.beat();
    });
    redis.on("close", () => {
      this.readySince = undefined;
    });
    this.timer = setInterval(() => void this.beat(), Math.max(100, Math.floor(this.aliveMs / 3)));
    this.timer.unref();
    void this.beat();
  }

  async acquire(id: string, options: AcquireOptions = {}): Promise<AnswerTurn | { verdict: "done" }> {
    const outageEnds = Date.now() + this.outageWaitMs;
    const waitEnds = Date.now() + MAX_WAIT_MS;
    for (;;) {
      const local = this.held.get(id); // a twin in this process: no need to ask Redis
      if (local) {
        await local;
        return { verdict: "done" };
      }
      const verdict =
        this.redis.status === "ready"
          ? await this.decide(id).catch((e: unknown) => {
              this.options.onTrouble?.("answer.acquire", e);
              return undefined;
            })
          : undefined;
      if (verdict === undefined) {
        // Redis away (or not answering): wait for it, unless nothing can be elsewhere or it takes too long.
        if (options.alone) return this.hold(id, false, true);
        if (Date.now() >= outageEnds) return this.hold(id, true, true);
        await sleep(POLL_MS);
        continue;
      }
      if (verdict === "mine" || verdict === "taken") return this.hold(id, verdict === "taken", false);
      if (verdict === "done") return { verdict: "done" };
      // Our name with nothing of ours holding it: either we finished it (the done marker is on its way) or
      // an earlier try of this very acquire took it and its reply was lost in a reconnect — then it is ours.
      if (verdict === "self") return this.finished.has(id) ? { verdict: "done" } : this.hold(id, false, false);
      if (Date.now() >= waitEnds) return this.hold(id, true, false);
      else await sleep(POLL_MS);
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    if (this.redis.status === "ready") await this.redis.del(this.aliveKey(this.options.holder)).catch(() => 0);
  }

  private decide(id: string): Promise<Verdict> {
    const mayTakeOver = this.readySince !== undefined && Date.now() - this.readySince >= this.aliveMs;
    return (this.redis as unknown as AcquireCommand).madoguchiAcquireAnswer(
      answerKey(id),
      this.options.holder,
      String(this.ttlMs),
      `${this.redis.options.keyPrefix ?? ""}alive:`,
      mayTakeOver ? "1" : "0",
    ) as Promise<Verdict>;
  }

  /** `blind`: taken while Redis was away; the hold is written when it is back. */
  private hold(id: string, unsure: boolean, blind: boolean): AnswerTurn {
    let release!: () => void;
    this.held.set(
      id,
      new Promise<void>((r) => {
        release = r;
      }),
    );
    if (blind) this.pending.set(id, this.options.holder);
    return {
      verdict: "answer",
      unsure,
      finish: () => {
        this.rememberFinished(id);
        this.pending.set(id, "done");
        void this.flush();
        this.held.delete(id);
        release();
      },
    };
  }

  private rememberFinished(id: string): void {
    const now = Date.now();
    this.finished.set(id, now);
    for (const [old, at] of this.finished) {
      if (this.finished.size <= MAX_FINISHED && now - at < FINISHED_KEPT_MS) break;
      this.finished.delete(old);
    }
  }

  /** The heartbeat, then the markers that wait for Redis. */
  private async beat(): Promise<void> {
    if (this.redis.status !== "ready") return;
    try {
      await this.redis.set(this.aliveKey(this.options.holder), "1", "PX", this.aliveMs);
    } catch (e) {
      this.options.onTrouble?.("answer.alive", e);
    }
    await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.size === 0 || this.redis.status !== "ready") return;
    const batch = [...this.pending];
    const pipeline = this.redis.pipeline();
    for (const [id, value] of batch)
      if (value === "done") pipeline.set(answerKey(id), value, "PX", this.ttlMs);
      else pipeline.set(answerKey(id), value, "PX", this.ttlMs, "NX"); // a twin that took it meanwhile keeps it
    try {
      const results = await pipeline.exec();
      batch.forEach(([id, value], i) => {
        if (!results?.[i]?.[0] && this.pending.get(id) === value) this.pending.delete(id);
      });
    } catch (e) {
      this.options.onTrouble?.("answer.done", e);
    }
  }

  private aliveKey(holder: string): string {
    return `alive:${holder}`;
  }
}

function answerKey(id: string): string {
  return `answer:${id}`;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
