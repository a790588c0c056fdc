// Rate-limit buckets in Redis, so a resident's limit holds whichever replica their messages reach.
// The Lua script is src/shared-state/token-bucket.ts's takeToken step for step, run atomically by
// Redis on its own clock (TIME), so replicas with slightly different clocks still share one bucket.
// A bucket is a hash {tokens, at, noticed} that expires once it would be full again anyway. While Redis is
// unreachable every request is allowed (the limit protects the service; an outage must not silence it).
import type { Redis } from "ioredis";
import type { RateBuckets } from "./rate-buckets.js";
import { idleForgetMs, refillPerMs, type RateRule, type TakeResult } from "./token-bucket.js";
import { orFallback, type OutageReporter } from "./redis-outage.js";

const ALLOWED: TakeResult = { allowed: true, retryAfterMs: 0, firstRefusal: false };

const TAKE_TOKEN_LUA = `
local burst = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local s = redis.call('HMGET', KEYS[1], 'tokens', 'at', 'noticed')
local tokens = tonumber(s[1]) or burst
local at = tonumber(s[2]) or now
local noticed = s[3] == '1'
tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
local allowed, retry, first = 0, 0, 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
  noticed = false
else
  retry = math.ceil((1 - tokens) / rate)
  if not noticed then first = 1 end
  noticed = true
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now), 'noticed', noticed and '1' or '0')
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return {allowed, retry, first}
`;

export class RedisRateBuckets implements RateBuckets {
  private sha: string | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly onOutage?: OutageReporter,
  ) {}

  async take(key: string, rule: RateRule): Promise<TakeResult> {
    const args = [String(rule.burst), String(refillPerMs(rule)), String(idleForgetMs(rule))];
    return orFallback(this.redis, "rate.take", ALLOWED, this.onOutage, async () => {
      const [allowed, retryAfterMs, first] = (await this.run(key, args)) as [number, number, number];
      return { allowed: allowed === 1, retryAfterMs, firstRefusal: first === 1 };
    });
  }

  /** EVALSHA, loading the script on first use and again after a Redis restart (NOSCRIPT). */
  private async run(key: string, args: string[]): Promise<unknown> {
    this.sha ??= (await this.redis.script("LOAD", TAKE_TOKEN_LUA)) as string;
    try {
      return await this.redis.evalsha(this.sha, 1, key, ...args);
    } catch (e) {
      if (!(e instanceof Error) || !e.message.startsWith("NOSCRIPT")) throw e;
      this.sha = undefined;
      return this.redis.eval(TAKE_TOKEN_LUA, 1, key, ...args);
    }
  }
}
