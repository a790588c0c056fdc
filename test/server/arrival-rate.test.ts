// A burst is the last `count` requests within `windowMs`: a spike of webhooks is one, a steady load is not.
import { describe, expect, it } from "vitest";
import { ArrivalRate } from "../../src/server/scheduling/arrival-rate.js";

/** Whether an ArrivalRate (defaults) that saw a request every `everyMs` for a second calls it a burst. */
function burstAfter(everyMs: number): boolean {
  let clock = 0;
  const rate = new ArrivalRate({ now: () => clock });
  for (; clock < 1_000; clock += everyMs) rate.seen();
  clock -= everyMs;
  return rate.bursting();
}

describe("ArrivalRate", () => {
  it.each([
    [0.5, true], // a spike: 2,000 a second
    [1, true], // 1,000 a second
    [5, false], // a steady 200 a second
    [50, false], // a quiet moment
  ])("a request every %s ms: bursting %s", (everyMs, expected) => {
    expect(burstAfter(everyMs)).toBe(expected);
  });

  it("is no burst before enough requests came, nor once they stop", () => {
    let clock = 0;
    const rate = new ArrivalRate({ count: 3, windowMs: 10, now: () => clock });
    rate.seen();
    rate.seen();
    expect(rate.bursting()).toBe(false);
    rate.seen();
    expect(rate.bursting()).toBe(true);
    clock = 10;
    expect(rate.bursting()).toBe(false);
  });
});
