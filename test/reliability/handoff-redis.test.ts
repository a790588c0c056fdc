// Handoff tickets in a real redis-server, shared by two server processes (two HandoffServices on their own
// connections): a handoff opened on replica A is found by replica B when the staff reply or the resident's
// next message reaches B, and closing it on B ends it for A too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { startRedis, type RedisProcess } from "../../bench/load/redis-process.js";
import { connectRedis } from "../../src/shared-state/redis-connection.js";
import { RedisHandoffStore } from "../../src/shared-state/redis-handoff-store.js";
import { HandoffService } from "../../src/dialogue/handoff/handoff-service.js";
import { HANDOFF_MESSAGES } from "../../src/dialogue/handoff/handoff-messages.js";
import type { HandoffTicket, StaffDesk, ThreadRef } from "../../src/dialogue/handoff/handoff.js";
import { maskPersonalData } from "../../src/text/mask-personal-data.js";

let redis: RedisProcess;
const connections: Redis[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const c of connections) c.disconnect();
  await redis?.stop();
});

class Desk implements StaffDesk {
  posts: string[] = [];
  closed = 0;
  async openThread(): Promise<ThreadRef> {
    return { channel: "CHANDOFF", ts: "1700000000.000100" };
  }
  async postToThread(_t: HandoffTicket, text: string): Promise<void> {
    this.posts.push(text);
  }
  async noteClosed(): Promise<void> {
    this.closed++;
  }
}

async function replica(
  options: { now?: () => number; prefix?: string; store?: (conn: Redis) => RedisHandoffStore } = {},
) {
  const conn = await connectRedis(redis.url, { keyPrefix: options.prefix ?? "handoff-test:" });
  conn.on("error", () => undefined); // Redis restarts in one test
  connections.push(conn);
  const service = new HandoffService({
    store: options.store?.(conn) ?? new RedisHandoffStore(conn),
    mask: maskPersonalData,
    idleTimeoutMs: 30 * 60_000,
    ...(options.now ? { now: options.now } : {}),
  });
  const desk = new Desk();
  const sent: string[] = [];
  service.attachDesk(desk);
  service.attachMessenger("line", { send: async (_r, text) => void sent.push(text) });
  return { service, desk, sent, conn };
}

describe("handoff tickets across replicas (Redis)", () => {
  it("opens on A, relays the staff reply and the resident's message on B, closes on B for both", async () => {
    const [a, b] = [await replica(), await replica()];
    const resident = { channel: "line", userId: "U-resident-1" };
    expect(await a.service.open(resident, "職員と話したい 090-1234-5678")).toBe(HANDOFF_MESSAGES.opened);
    expect(await b.service.isActive(resident)).toBe(true);
    expect(
      await b.service.ticketQuestion(
        (await b.service.ticketOfThread({ channel: "CHANDOFF", ts: "1700000000.000100" }))!,
      ),
    ).toContain("[電話番号]");

    expect(await b.service.relayFromStaff({ channel: "CHANDOFF", ts: "1700000000.000100" }, "担当の山田です")).toBe(
      "sent",
    );
    expect(b.sent.join("\n")).toContain("担当の山田です");
    expect(await b.service.relayFromResident(resident, "申請書はどこですか")).toBe(true);
    expect(b.desk.posts).toEqual(["申請書はどこですか"]);

    const ticket = await b.service.ticketOfThread({ channel: "CHANDOFF", ts: "1700000000.000100" });
    expect(await b.service.closeByStaff(ticket!, "USTAFF1")).toBe(true);
    expect(await a.service.isActive(resident)).toBe(false);
    expect(await a.service.relayFromStaff({ channel: "CHANDOFF", ts: "1700000000.000100" }, "まだいますか")).toBe(
      "closed",
    );
  });

  it("closes an idle ticket once when both replicas' sweeps find it: the resident and staff are told once", async () => {
    let t = Date.now();
    const now = () => t;
    let aSwept!: () => void;
    const aDone = new Promise<void>((r) => {
      aSwept = r;
    });
    // B reads the ticket while it is still open, and acts on what it read only after A has closed it.
    class SlowReads extends RedisHandoffStore {
      override async get(id: string) {
        const ticket = await super.get(id);
        await aDone;
        return ticket;
      }
    }
    const a = await replica({ now, prefix: "sweep:" });
    const b = await replica({ now, prefix: "sweep:", store: (conn) => new SlowReads(conn) });
    const resident = { channel: "line", userId: "U-resident-sweep" };
    expect(await a.service.open(resident, "職員と話したい")).toBe(HANDOFF_MESSAGES.opened);
    t += 31 * 60_000;
    const bSweep = b.service.expireIdle();
    await new Promise((r) => setTimeout(r, 100)); // B has read the open ticket
    expect(await a.service.expireIdle()).toBe(1);
    aSwept();
    await bSweep;
    expect([...a.sent, ...b.sent].filter((m) => m === HANDOFF_MESSAGES.closedByTimeout)).toHaveLength(1);
    expect(a.desk.closed + b.desk.closed).toBe(1);
    expect(await b.service.isActive(resident)).toBe(false);
  });

  it("degrades while Redis is away: the resident's message is answered by the bot, a handoff is declined, nothing throws", async () => {
    const a = await replica({ prefix: "outage:" });
    const resident = { channel: "line", userId: "U-resident-outage" };
    const restarting = redis.restart(1_500);
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    expect(await a.service.relayFromResident(resident, "申請書はどこですか")).toBe(false); // the bot answers it
    expect(await a.service.open(resident, "職員と話したい")).toBe(HANDOFF_MESSAGES.unavailable);
    expect(await a.service.expireIdle()).toBe(0);
    expect(Date.now() - started).toBeLessThan(1_000); // no 2-second command timeouts on the way
    await restarting;
    while (a.conn.status !== "ready") await new Promise((r) => setTimeout(r, 100));
    expect(await a.service.open(resident, "職員と話したい")).toBe(HANDOFF_MESSAGES.opened);
  });
});
