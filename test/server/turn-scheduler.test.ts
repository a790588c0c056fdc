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
