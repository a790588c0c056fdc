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

async function replica() {
  const conn = await connectRedis(redis.url, { keyPrefix: "handoff-test:" });
  connections.push(conn);
  const service = new HandoffService({
    store: new RedisHandoffStore(conn),
    mask: maskPersonalData,
    idleTimeoutMs: 30 * 60_000,
  });
  const desk = new Desk();
  const sent: string[] = [];
  service.attachDesk(desk);
  service.attachMessenger("line", { send: async (_r, text) => void sent.push(text) });
  return { service, desk, sent };
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
});
