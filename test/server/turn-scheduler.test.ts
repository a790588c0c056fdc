// Turns run one at a time, people waiting on an HTTP answer first, and the event loop gets a turn between
// them (so a webhook's acknowledgement is never stuck behind a backlog of answers).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TurnScheduler } from "../../src/server/scheduling/turn-scheduler.js";
import { priorityOf } from "../../src/server/scheduling/scheduled-engine.js";

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* a turn's CPU work */
  }
}

describe("TurnScheduler", () => {
  it("runs interactive turns before queued background ones, each once, in order within a priority", async () => {
    const order: string[] = [];
    const s = new TurnScheduler(1);
    const jobs = [
      s.run("background", async () => {
        order.push("line-1");
      }),
      s.run("background", async () => {
        order.push("line-2");
      }),
      s.run("interactive", async () => {
        order.push("web-1");
      }),
      s.run("background", async () => {
        order.push("line-3");
      }),
      s.run("interactive", async () => {
        order.push("web-2");
      }),
    ];
    await Promise.all(jobs);
    expect(order).toEqual(["line-1", "web-1", "web-2", "line-2", "line-3"]);
  });

  it("lets timers and I/O run between turns, so a backlog does not block the loop", async () => {
    const s = new TurnScheduler(1);
    const events: string[] = [];
    const turns = Array.from({ length: 5 }, (_, i) =>
      s.run("background", async () => {
        busy(15);
        events.push(`turn${i}`);
      }),
    );
    const tick = new Promise<void>((resolve) =>
      setTimeout(() => {
        events.push("timer");
        resolve();
      }, 0),
    );
    await Promise.all([...turns, tick]);
    expect(events.indexOf("timer")).toBeLessThan(3);
  });

  it("never runs more than `concurrency` turns at once, and passes results and errors through", async () => {
    const s = new TurnScheduler(2);
    let now = 0;
    let most = 0;
    const work = (v: number) =>
      s.run("background", async () => {
        most = Math.max(most, ++now);
        await new Promise((r) => setTimeout(r, 5));
        now--;
        return v;
      });
    expect(await Promise.all([1, 2, 3, 4, 5].map(work))).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    await expect(
      s.run("interactive", async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(s.waiting).toBe(0);
  });

  it("treats LINE as background and the page and Slack as interactive", () => {
    expect([priorityOf("line"), priorityOf("line/iizuka"), priorityOf("web"), priorityOf("slack")]).toEqual([
      "background",
      "background",
      "interactive",
      "interactive",
    ]);
  });
});

/** A burst of requests that ends after `ms` (or at `stop()`). */
function burstFor(ms = Infinity) {
  const b = { on: true, stop: () => (b.on = false) };
  if (Number.isFinite(ms)) setTimeout(() => b.stop(), ms);
  return b;
}

// A fake clock (timers and performance.now), so the waits are exact whatever the machine is doing.
describe("TurnScheduler yielding to a burst of requests", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setImmediate", "performance"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("holds a background turn while the burst lasts, and starts it once it is over", async () => {
    const s = new TurnScheduler(1);
    const burst = burstFor(50);
    s.yieldToArrivals({ bursting: () => burst.on });
    let startedAt = -1;
    const turn = s.run("background", async () => {
      startedAt = performance.now();
    });
    await vi.advanceTimersByTimeAsync(100);
    await turn;
    expect(startedAt).toBeGreaterThanOrEqual(50);
    expect(startedAt).toBeLessThan(55);
  });

  it("starts background turns at once when there is no burst (a steady load)", async () => {
    const s = new TurnScheduler(1);
    s.yieldToArrivals({ bursting: () => false });
    const startedAt: number[] = [];
    const turns = [1, 2, 3].map(() => s.run("background", async () => void startedAt.push(performance.now())));
    await vi.runAllTimersAsync();
    await Promise.all(turns);
    // (the fake clock counts each setImmediate as a millisecond; a held turn would wait its holdMs, 200)
    expect(startedAt).toHaveLength(3);
    expect(startedAt[2]).toBeLessThan(10);
  });

  it("does not hold back a turn someone is waiting for (the page, Slack)", async () => {
    const s = new TurnScheduler(1);
    const burst = burstFor(50);
    s.yieldToArrivals({ bursting: () => burst.on });
    const line = s.run("background", async () => performance.now());
    const web = s.run("interactive", async () => performance.now());
    await vi.advanceTimersByTimeAsync(100);
    expect(await web).toBeLessThan(5);
    expect(await line).toBeGreaterThanOrEqual(50);
  });

  it("holds a turn at most holdMs while the burst goes on, and not at all once it was queued maxWaitMs ago", async () => {
    const s = new TurnScheduler(1);
    const endless = burstFor();
    s.yieldToArrivals({ bursting: () => endless.on, holdMs: 100, maxWaitMs: 150 });
    const started: number[] = [];
    const turns = [1, 2, 3].map(() => s.run("background", async () => void started.push(performance.now())));
    await vi.advanceTimersByTimeAsync(300);
    await Promise.all(turns);
    endless.stop();
    // The first waits its 100 ms at the head; the others were queued at 0 and are past 150 ms by their turn.
    expect(started[0]).toBeGreaterThanOrEqual(100);
    expect(started[0]).toBeLessThan(105);
    expect(started[1]).toBeGreaterThanOrEqual(150);
    expect(started[2]! - started[1]!).toBeLessThan(5);
  });
});
