// Redis restarted (a graceful restart with its append-only file) under load on two replicas: the webhooks
// keep being acknowledged within LINE's limit (the events go to each replica's local journal while Redis is
// away), and every acknowledged event is answered once.
import { randomBytes } from "node:crypto";
import type { FaultContext } from "./fault-drive.js";
import { startRedis } from "../redis-process.js";
import { addFaultRow, awaitAcked, sendEvents } from "./fault-drive.js";
import type { FaultProfile } from "./fault-profile.js";
import { summarize } from "../stats.js";

export async function redisRestarted(ctx: FaultContext, profile: FaultProfile): Promise<void> {
  const redis = await startRedis({
    binary: ctx.profile.redisServer,
    password: randomBytes(12).toString("hex"),
    appendOnly: true,
  });
  try {
    const env = { REDIS_URL: redis.url, MADOGUCHI_CLAIM_IDLE_MS: String(profile.claimIdleMs), MADOGUCHI_WATCH: "off" };
    const servers = await Promise.all([
      ctx.rig.startServer("redis-restart-1", env),
      ctx.rig.startServer("redis-restart-2", env),
    ]);
    ctx.say(
      `Redis restarted under load: ${profile.redisRate} events/s for ${profile.redisSeconds} s on two replicas, Redis down ${profile.redisDownMs / 1000} s in the middle …`,
    );
    let restart: Promise<void> | undefined;
    const count = profile.redisRate * profile.redisSeconds;
    const drive = await sendEvents({
      targets: () => servers.map((s) => ctx.rig.lineTarget(s)),
      client: ctx.rig.client,
      count,
      rate: profile.redisRate,
      run: "r1",
      at: Math.floor(count / 3),
      onAt: () => {
        restart = redis.restart(profile.redisDownMs);
      },
    });
    await restart;
    const caughtUp = await awaitAcked(ctx.rig.line, drive.acked, profile.claimIdleMs * 4);
    const max = summarize(drive.ackMs).max;
    addFaultRow(
      ctx,
      "fault-redis-restart",
      "Redis restarted under load (two replicas, appendonly yes)",
      drive,
      caughtUp,
      `slowest acknowledgement ${Math.round(max)} ms (LINE's limit 2,000 ms)`,
      { ackMax: Math.round(max) },
    );
    await Promise.all(servers.map((s) => s.stop()));
  } finally {
    await redis.stop();
  }
}
