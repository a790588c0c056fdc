// The duplicate-delivery store in Redis, shared by every server process: `SET key 1 NX PX ttl` is one
// atomic command, so of two processes handed the same event at the same moment exactly one gets "OK".
// While Redis is unreachable every claim succeeds: an event answered twice beats one never answered.
import type { Redis } from "ioredis";
import type { DeliveryStore } from "./delivery-store.js";
import { orFallback, type OutageReporter } from "./redis-outage.js";

export class RedisDeliveryStore implements DeliveryStore {
  constructor(
    private readonly redis: Redis,
    private readonly onOutage?: OutageReporter,
  ) {}

  async claim(id: string, ttlMs: number): Promise<boolean> {
    const ttl = Math.max(1, Math.round(ttlMs));
    return orFallback(
      this.redis,
      "delivery.claim",
      true,
      this.onOutage,
      async () => (await this.redis.set(`delivery:${id}`, "1", "PX", ttl, "NX")) === "OK",
    );
  }
}
