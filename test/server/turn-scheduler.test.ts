// Turns run one at a time, people waiting on an HTTP answer first, and the event loop gets a turn between
// them (so a webhook's acknowledgement is never stuck behind a backlog of answers).
import { describe, expect, it } from "vitest";
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

/** A request arriving on each turn of the event loop, `turns` times (a burst of webhooks); `stop()` ends it early. */
function arrivalsEachLoopTurn(turns = Infinity, onTurn: () => void = () => undefined) {
  const a = { count: 0, stopped: false, stop: () => (a.stopped = true) };
  const step = () => {
    if (a.stopped) return;
    a.count++;
    onTurn();
    if (a.count < turns) setImmediate(step);
  };
  setImmediate(step);
  return a;
}

describe("TurnScheduler yielding to arriving requests", () => {
  it("starts a background turn only once a turn of the loop has passed without a new request", async () => {
    const s = new TurnScheduler(1);
    const burst = arrivalsEachLoopTurn(50);
    s.yieldToArrivals({ arrivals: () => burst.count, now: () => 0 });
    let countAtStart = -1;
    await s.run("background", async () => {
      countAtStart = burst.count;
    });
    expect(countAtStart).toBe(50);
  });

  it("does not hold back a turn someone is waiting for (the page, Slack)", async () => {
    const s = new TurnScheduler(1);
    const burst = arrivalsEachLoopTurn(50);
    s.yieldToArrivals({ arrivals: () => burst.count, now: () => 0 });
    const line = s.run("background", async () => burst.count);
    const web = await s.run("interactive", async () => burst.count);
    expect(web).toBeLessThan(50);
    expect(await line).toBe(50);
  });

  it("holds a turn at most holdMs while requests keep coming, and not at all once it was queued maxWaitMs ago", async () => {
    let clock = 0;
    const s = new TurnScheduler(1);
    const endless = arrivalsEachLoopTurn(Infinity, () => (clock += 10));
    s.yieldToArrivals({ arrivals: () => endless.count, holdMs: 100, maxWaitMs: 150, now: () => clock });
    const started: number[] = [];
    const turns = [1, 2, 3].map(() => s.run("background", async () => void started.push(clock)));
    await Promise.all(turns);
    endless.stop();
    // The first waits its 100 ms at the head; the others were queued at 0 and are past 150 ms by their turn.
    expect(started[0]).toBeGreaterThanOrEqual(100);
    expect(started[0]).toBeLessThan(150);
    expect(started[2]! - started[1]!).toBeLessThan(50);
    expect(started[1]).toBeGreaterThanOrEqual(150);
  });
});
