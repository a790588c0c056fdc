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

  it("forgets an id once its ttl has passed, and sweeps expired ids", async () => {
    let t = 1_000_000;
    const store = new InMemoryDeliveryStore(() => t);
    expect(await store.claim("a", 1_000)).toBe(true);
    t += 999;
    expect(await store.claim("a", 1_000)).toBe(false);
    t += 2;
    expect(await store.claim("a", 1_000)).toBe(true);
    t += 120_000;
    await store.claim("b", 1_000);
    expect(store.size).toBe(1);
  });
});
