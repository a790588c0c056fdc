// The in-memory session store: idle expiry on an injected clock, copies not shared objects, bounded memory.
import { describe, expect, it } from "vitest";
import { InMemorySessionStore } from "../../src/dialogue/session/in-memory-session-store.js";
import { DEFAULT_SESSION_IDLE_MS } from "../../src/dialogue/session/session-store.js";
import { newSession, type Session } from "../../src/dialogue/session/session.js";

const MINUTE = 60_000;

function clock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, pass: (ms: number) => (now += ms) };
}

const withFocus = (focus: string): Session => ({ ...newSession(), focus, list: [focus, "other"] });

describe("InMemorySessionStore", () => {
  it("keeps a session for 30 minutes of idleness by default, then forgets it", async () => {
    expect(DEFAULT_SESSION_IDLE_MS).toBe(30 * MINUTE);
    const c = clock();
    const store = new InMemorySessionStore({ now: c.now });
    await store.set("line:u1", withFocus("imari-funin-chiryo-angel-support"));
    c.pass(30 * MINUTE - 1);
    expect((await store.get("line:u1"))?.focus).toBe("imari-funin-chiryo-angel-support");
    c.pass(1);
    expect(await store.get("line:u1")).toBeUndefined();
  });

  it("restarts the idle time on every set", async () => {
    const c = clock();
    const store = new InMemorySessionStore({ now: c.now, idleMs: 10 * MINUTE });
    await store.set("u", withFocus("a"));
    c.pass(9 * MINUTE);
    await store.set("u", withFocus("b"));
    c.pass(9 * MINUTE);
    expect((await store.get("u"))?.focus).toBe("b");
  });

  it("returns copies: changing a session read from the store changes nothing until it is set", async () => {
    const store = new InMemorySessionStore();
    await store.set("u", withFocus("a"));
    const s = (await store.get("u"))!;
    s.focus = "changed";
    s.list.push("x");
    expect(await store.get("u")).toEqual(withFocus("a"));
  });

  it("deletes a session", async () => {
    const store = new InMemorySessionStore();
    await store.set("u", withFocus("a"));
    await store.delete("u");
    expect(await store.get("u")).toBeUndefined();
  });

  it("keeps sessions of different keys apart", async () => {
    const store = new InMemorySessionStore();
    await store.set("line:u1", withFocus("a"));
    await store.set("slack:u1", withFocus("b"));
    expect((await store.get("line:u1"))?.focus).toBe("a");
    expect((await store.get("slack:u1"))?.focus).toBe("b");
  });

  it("drops expired sessions without being asked for them, so memory stays bounded", async () => {
    const c = clock();
    const store = new InMemorySessionStore({ now: c.now, idleMs: MINUTE });
    for (let i = 0; i < 100; i++) await store.set(`u${i}`, newSession());
    c.pass(2 * MINUTE);
    await store.set("late", newSession());
    expect(store.size).toBe(1);
  });

  it("refuses an idle time that is not positive", () => {
    expect(() => new InMemorySessionStore({ idleMs: 0 })).toThrow(RangeError);
  });

  it("stores only what survives JSON (a shared store will hold the same)", async () => {
    const store = new InMemorySessionStore();
    const session: Session = {
      ...withFocus("a"),
      check: { answers: { who: ["individual"] }, asking: "household", paused: false },
      lastQuery: "子育て",
    };
    await store.set("u", session);
    expect(await store.get("u")).toEqual(JSON.parse(JSON.stringify(session)));
  });
});
