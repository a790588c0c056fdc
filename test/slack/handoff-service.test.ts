// The handoff between a resident's channel and the staff desk, with both sides recorded in memory
// (the HTTP round trip with the LINE and Slack fakes is in handoff-round-trip.test.ts).
import { describe, expect, it } from "vitest";
import { HandoffService } from "../../src/dialogue/handoff/handoff-service.js";
import { InMemoryHandoffStore } from "../../src/dialogue/handoff/in-memory-handoff-store.js";
import { HANDOFF_MESSAGES } from "../../src/dialogue/handoff/handoff-messages.js";
import type { HandoffTicket, ResidentRef, StaffDesk, ThreadRef } from "../../src/dialogue/handoff/handoff.js";
import { maskPersonalData } from "../../src/text/mask-personal-data.js";

class RecordingDesk implements StaffDesk {
  threads: { ticket: string; text: string; thread: ThreadRef }[] = [];
  posts: { ticket: string; text: string }[] = [];
  closed: HandoffTicket[] = [];
  failOpen = false;
  async openThread(ticket: HandoffTicket, text: string): Promise<ThreadRef> {
    if (this.failOpen) throw new Error("slack down");
    await new Promise((r) => setTimeout(r, 5)); // opening takes a moment: messages must wait for it
    const thread = { channel: "CHANDOFF", ts: `170000000${this.threads.length}.0001` };
    this.threads.push({ ticket: ticket.id, text, thread });
    return thread;
  }
  async postToThread(ticket: HandoffTicket, text: string): Promise<void> {
    this.posts.push({ ticket: ticket.id, text });
  }
  async noteClosed(ticket: HandoffTicket): Promise<void> {
    this.closed.push(ticket);
  }
}

function setup() {
  let now = 1_700_000_000_000;
  const service = new HandoffService({
    store: new InMemoryHandoffStore(() => now),
    mask: maskPersonalData,
    idleTimeoutMs: 30 * 60_000,
    now: () => now,
  });
  const desk = new RecordingDesk();
  const sent: { to: string; text: string }[] = [];
  service.attachDesk(desk);
  service.attachMessenger("line", { send: async (r, text) => void sent.push({ to: r.userId, text }) });
  return { service, desk, sent, advance: (ms: number) => (now += ms) };
}

const hanako: ResidentRef = { channel: "line", userId: "U1111", municipality: "伊万里市" };
const taro: ResidentRef = { channel: "line", userId: "U2222" };

describe("HandoffService", () => {
  it("opens a thread with the masked question and tells the resident what happens next", async () => {
    const { service, desk } = setup();
    const told = await service.open(hanako, "職員と話したい", [
      "マイナンバーは1234-5678-9012です。児童手当の申請について",
    ]);
    expect(told).toBe(HANDOFF_MESSAGES.opened);
    expect(desk.threads).toHaveLength(1);
    expect(desk.threads[0]!.text).toContain("[個人番号]");
    expect(desk.threads[0]!.text).not.toContain("1234-5678-9012");
    expect(await service.isActive(hanako)).toBe(true);
    expect(await service.isActive(taro)).toBe(false);
  });

  it("sends the resident's next messages to the thread (masked) and the staff reply back to the resident", async () => {
    const { service, desk, sent } = setup();
    await service.open(hanako, "職員と話したい");
    expect(await service.relayFromResident(hanako, "電話は090-1234-5678 番号は123456789012")).toBe(true);
    expect(desk.posts[0]!.text).toBe("電話は[電話番号] 番号は[個人番号]");
    expect(await service.relayFromResident(taro, "児童手当")).toBe(false);
    expect(await service.relayFromStaff(desk.threads[0]!.thread, "担当の山田です。申請書をお送りします。")).toBe(
      "sent",
    );
    expect(sent).toEqual([
      { to: "U1111", text: `${HANDOFF_MESSAGES.staffPrefix}\n担当の山田です。申請書をお送りします。` },
    ]);
  });

  it("holds a message sent while the thread is still opening until it is open", async () => {
    const { service, desk } = setup();
    const opening = service.open(hanako, "職員と話したい");
    const relayed = service.relayFromResident(hanako, "よろしくお願いします");
    expect(await relayed).toBe(true);
    await opening;
    expect(desk.threads).toHaveLength(1);
    expect(desk.posts.map((p) => p.text)).toEqual(["よろしくお願いします"]);
  });

  it("opens one thread when the resident asks twice at once", async () => {
    const { service, desk } = setup();
    const answers = await Promise.all([service.open(hanako, "職員と話したい"), service.open(hanako, "人と話したい")]);
    expect(desk.threads).toHaveLength(1);
    expect(answers.sort()).toEqual([HANDOFF_MESSAGES.alreadyOpen, HANDOFF_MESSAGES.opened].sort());
  });

  it("closes on the staff button: the resident is told, the bot answers again, later staff replies are refused", async () => {
    const { service, desk, sent } = setup();
    await service.open(hanako, "職員と話したい");
    const ticket = desk.threads[0]!.ticket;
    expect(await service.closeByStaff(ticket, "USTAFF")).toBe(true);
    expect(await service.closeByStaff(ticket, "USTAFF")).toBe(false);
    expect(sent.map((s) => s.text)).toEqual([HANDOFF_MESSAGES.closedByStaff]);
    expect(desk.closed.map((t) => [t.closedReason, t.closedBy])).toEqual([["staff", "USTAFF"]]);
    expect(await service.relayFromResident(hanako, "ありがとうございました")).toBe(false);
    expect(await service.relayFromStaff(desk.threads[0]!.thread, "もう一点")).toBe("closed");
  });

  it("times out after the idle time, by the sweep or on the next message", async () => {
    const { service, desk, sent, advance } = setup();
    await service.open(hanako, "職員と話したい");
    await service.open(taro, "職員と話したい");
    advance(29 * 60_000);
    await service.relayFromResident(taro, "まだですか"); // taro's activity keeps his ticket alive
    advance(2 * 60_000);
    expect(await service.expireIdle()).toBe(1);
    expect(sent).toEqual([{ to: "U1111", text: HANDOFF_MESSAGES.closedByTimeout }]);
    expect(await service.relayFromResident(hanako, "児童手当について")).toBe(false);
    advance(31 * 60_000);
    expect(await service.relayFromResident(taro, "もしもし")).toBe(false);
    expect(desk.closed.map((t) => t.closedReason)).toEqual(["timeout", "timeout"]);
  });

  it("tells the resident when staff cannot be reached, and keeps no ticket open", async () => {
    const { service, desk } = setup();
    desk.failOpen = true;
    expect(await service.open(hanako, "職員と話したい")).toBe(HANDOFF_MESSAGES.unavailable);
    expect(await service.isActive(hanako)).toBe(false);
    const noDesk = new HandoffService({ store: new InMemoryHandoffStore(), mask: maskPersonalData });
    expect(await noDesk.open(hanako, "職員と話したい")).toBe(HANDOFF_MESSAGES.unavailable);
  });

  it("answers unknown threads as such (a staff message in some other thread)", async () => {
    const { service } = setup();
    expect(await service.relayFromStaff({ channel: "CHANDOFF", ts: "1.2" }, "こんにちは")).toBe("unknown-thread");
  });
});
