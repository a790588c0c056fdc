// Events handed back during a burst of webhooks wait, in order, until it is over (or waited maxWaitMs).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BurstGate } from "../../src/channels/line/burst-gate.js";

describe("BurstGate", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setImmediate", "performance"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const record = (log: string[], name: string) => async () => {
    log.push(`${name}@${performance.now()}`);
    return name;
  };

  it("runs work at the next check when there is no burst by then (a spike's first events wait for it)", async () => {
    const log: string[] = [];
    const gate = new BurstGate({ bursting: () => false, checkEveryMs: 10 });
    const done = gate.pass(record(log, "a"));
    await vi.advanceTimersByTimeAsync(9);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(await done).toBe("a");
    expect(log).toEqual(["a@10"]);
  });

  it("holds the first events of a spike, which came before it counted as a burst", async () => {
    const log: string[] = [];
    let burst = false;
    const gate = new BurstGate({ bursting: () => burst, checkEveryMs: 10 });
    const first = gate.pass(record(log, "a"));
    burst = true; // the spike is recognised a few requests later
    setTimeout(() => (burst = false), 40);
    await vi.advanceTimersByTimeAsync(100);
    await first;
    expect(log).toEqual(["a@40"]);
  });

  it("holds work while the burst lasts and then runs all of it in the order it came", async () => {
    const log: string[] = [];
    let burst = true;
    setTimeout(() => (burst = false), 50);
    const gate = new BurstGate({ bursting: () => burst, checkEveryMs: 5 });
    const done = [gate.pass(record(log, "a")), gate.pass(record(log, "b"))];
    await vi.advanceTimersByTimeAsync(30);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(30);
    expect(await Promise.all(done)).toEqual(["a", "b"]);
    expect(log).toEqual(["a@50", "b@50"]);
  });

  it("lets held work through after maxWaitMs when the burst does not end", async () => {
    const log: string[] = [];
    const gate = new BurstGate({ bursting: () => true, checkEveryMs: 5, maxWaitMs: 100 });
    const done = gate.pass(record(log, "a"));
    await vi.advanceTimersByTimeAsync(200);
    await done;
    expect(log).toEqual(["a@100"]);
  });

  it("keeps work that comes after the burst behind the work still held", async () => {
    const log: string[] = [];
    let burst = true;
    const gate = new BurstGate({ bursting: () => burst, checkEveryMs: 5 });
    const first = gate.pass(record(log, "a"));
    burst = false;
    const second = gate.pass(record(log, "b")); // no burst now, but "a" still waits for its check
    await vi.advanceTimersByTimeAsync(10);
    await Promise.all([first, second]);
    expect(log).toEqual(["a@5", "b@5"]);
  });

  it("lets held work out releaseChunk at a time, and holds new work again in the next burst", async () => {
    const log: string[] = [];
    let burst = true;
    const gate = new BurstGate({ bursting: () => burst, checkEveryMs: 5, releaseChunk: 2 });
    const first = ["a", "b", "c", "d", "e"].map((n) => gate.pass(record(log, n)));
    burst = false;
    await vi.advanceTimersByTimeAsync(5);
    expect(log).toHaveLength(2); // the rest follow on the next turns of the loop
    await vi.advanceTimersByTimeAsync(5);
    await Promise.all(first);
    expect(log.map((l) => l[0])).toEqual(["a", "b", "c", "d", "e"]);
    burst = true;
    const later = gate.pass(record(log, "f"));
    await vi.advanceTimersByTimeAsync(50);
    expect(log).toHaveLength(5);
    burst = false;
    await vi.advanceTimersByTimeAsync(5);
    await later;
    expect(log).toHaveLength(6);
  });

  it("passes a rejection on", async () => {
    const gate = new BurstGate({ bursting: () => true, checkEveryMs: 5, maxWaitMs: 10 });
    const failing = gate.pass(async () => {
      throw new Error("no");
    });
    const caught = failing.catch((e: Error) => e.message);
    await vi.advanceTimersByTimeAsync(20);
    expect(await caught).toBe("no");
  });
});
