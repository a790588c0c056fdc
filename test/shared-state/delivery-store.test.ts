import { describe, expect, it } from "vitest";
import { InMemoryDeliveryStore } from "../../src/shared-state/delivery-store.js";

describe("InMemoryDeliveryStore", () => {
  it("gives an id to exactly one of many concurrent claimers", async () => {
    const store = new InMemoryDeliveryStore();
    const results = await Promise.all(Array.from({ length: 10 }, () => store.claim("01HXYZ", 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.claim("01HXYZ", 60_000)).toBe(false);
    expect(await store.claim("01OTHER", 60_000)).toBe(true);
  });

  it("remembers an id for its whole ttl and forgets it within an eighth more, dropping what expired", async () => {
    let t = 1_000_000;
    const store = new InMemoryDeliveryStore(() => t);
    expect(await store.claim("a", 8_000)).toBe(true);
    t += 7_999;
    expect(await store.claim("a", 8_000)).toBe(false);
    t += 1_001 + 1_000; // past the ttl and the slice of it the id's generation spans
    expect(await store.claim("a", 8_000)).toBe(true);
    t += 120_000;
    await store.claim("b", 8_000);
    expect(store.size).toBe(1);
  });

  it("knows an id whichever ttl it was claimed with", async () => {
    let t = 0;
    const store = new InMemoryDeliveryStore(() => t);
    expect(await store.claim("line:01HXYZ", 86_400_000)).toBe(true);
    t += 60_000;
    expect(await store.claim("line:01HXYZ", 900_000)).toBe(false);
    expect(await store.claim("slack:Ev01", 900_000)).toBe(true);
    t += 86_400_000 * 1.2;
    expect(await store.claim("line:01HXYZ", 86_400_000)).toBe(true);
  });

  it("keeps a day of ids at a steady rate in few generations and lets them go after the day", async () => {
    let t = 0;
    const store = new InMemoryDeliveryStore(() => t);
    for (let i = 0; i < 48; i++, t += 3_600_000) expect(await store.claim(`line:${i}`, 86_400_000)).toBe(true);
    expect(store.size).toBeGreaterThanOrEqual(24);
    expect(store.size).toBeLessThanOrEqual(24 + 3);
    expect(await store.claim("line:47", 86_400_000)).toBe(false);
    expect(await store.claim("line:0", 86_400_000)).toBe(true); // two days ago: forgotten
  });
});
