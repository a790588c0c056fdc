// The token bucket: a burst at once, then the refill rate; one first refusal per overflow.
import { describe, expect, it } from "vitest";
import { takeToken, type BucketState, type RateRule } from "../../src/shared-state/token-bucket.js";
import { InMemoryRateBuckets } from "../../src/shared-state/rate-buckets.js";
import { lineAdmission } from "../../src/server/rate-limit/line-admission.js";
import { readRateLimitConfig } from "../../src/server/rate-limit/rate-limit-config.js";

const rule: RateRule = { burst: 3, perMinute: 30 }; // one token every 2 s

function run(times: number[]): string[] {
  let state: BucketState | undefined;
  return times.map((t) => {
    const step = takeToken(state, rule, t);
    state = step.state;
    const r = step.result;
    return r.allowed ? "ok" : `wait ${r.retryAfterMs}${r.firstRefusal ? " first" : ""}`;
  });
}

describe("takeToken", () => {
  it("allows the burst, then refuses with the time until the next token, noticing only the first refusal", () => {
    expect(run([0, 0, 0, 0, 500, 1000])).toEqual(["ok", "ok", "ok", "wait 2000 first", "wait 1500", "wait 1000"]);
  });

  it("refills at the rate and starts a new overflow (with a new first refusal) after an allowed request", () => {
    expect(run([0, 0, 0, 0, 2000, 2000, 2100])).toEqual([
      "ok",
      "ok",
      "ok",
      "wait 2000 first",
      "ok",
      "wait 2000 first",
      "wait 1900",
    ]);
  });

  it("never holds more than the burst, however long the user was away", () => {
    expect(run([0, 10_000_000, 10_000_000, 10_000_000, 10_000_000])).toEqual([
      "ok",
      "ok",
      "ok",
      "ok",
      "wait 2000 first",
    ]);
  });
});

describe("InMemoryRateBuckets", () => {
  it("keeps users apart and forgets the least recently used bucket past its cap", async () => {
    let now = 0;
    const buckets = new InMemoryRateBuckets(() => now, 2);
    const one: RateRule = { burst: 1, perMinute: 1 };
    expect((await buckets.take("a", one)).allowed).toBe(true);
    expect((await buckets.take("a", one)).allowed).toBe(false);
    expect((await buckets.take("b", one)).allowed).toBe(true);
    expect((await buckets.take("c", one)).allowed).toBe(true);
    expect(buckets.size).toBe(2);
    now += 1; // "a" was evicted as least recently used: it starts full again
    expect((await buckets.take("a", one)).allowed).toBe(true);
  });
});

describe("lineAdmission", () => {
  it("answers the burst, sends one notice, then drops, per resident and channel", async () => {
    const limited: string[] = [];
    const admit = lineAdmission({
      buckets: new InMemoryRateBuckets(() => 0),
      rule: { burst: 2, perMinute: 1 },
      onLimited: (c, o) => limited.push(`${c}:${o}`),
    });
    const seq = [];
    for (let i = 0; i < 5; i++) seq.push(await admit("line", "U1"));
    expect(seq).toEqual(["answer", "answer", "notice", "drop", "drop"]);
    expect(await admit("line", "U2")).toBe("answer");
    expect(await admit("line/iizuka", "U1")).toBe("answer");
    expect(limited).toEqual(["line:notice", "line:drop", "line:drop"]);
  });

  it("answers everything when the limit is off", async () => {
    const admit = lineAdmission({
      buckets: new InMemoryRateBuckets(),
      rule: readRateLimitConfig({ MADOGUCHI_RATE_LINE_BURST: "0" }).line,
    });
    for (let i = 0; i < 50; i++) expect(await admit("line", "U1")).toBe("answer");
  });
});

describe("readRateLimitConfig", () => {
  it("has defaults and names a bad variable", () => {
    expect(readRateLimitConfig({})).toEqual({
      line: { burst: 10, perMinute: 20 },
      web: { burst: 120, perMinute: 600 },
      trustProxyHops: 0,
      turnConcurrency: 1,
    });
    expect(() => readRateLimitConfig({ MADOGUCHI_RATE_WEB_PER_MINUTE: "fast" })).toThrow(
      /MADOGUCHI_RATE_WEB_PER_MINUTE: must be a whole number/,
    );
    expect(() => readRateLimitConfig({ MADOGUCHI_TRUST_PROXY: "-1" })).toThrow(/MADOGUCHI_TRUST_PROXY/);
  });
});
