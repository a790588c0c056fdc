// kill -9 of one of two replicas behind one Redis during a spike: the load balancer sends the rest to the
// survivor, which reads the stream's new entries and, once the dead replica's pending entries have been idle
// for MADOGUCHI_CLAIM_IDLE_MS, claims and answers them (redo: a used reply token counts as answered).
import { randomBytes } from "node:crypto";
import type { FaultContext } from "./fault-drive.js";
import { startRedis } from "../redis-process.js";
import { addFaultRow, awaitAcked, redoCount, sendEvents } from "./fault-drive.js";
import type { FaultProfile } from "./fault-profile.js";

export async function killOneReplica(ctx: FaultContext, profile: FaultProfile): Promise<void> {
  const redis = await startRedis({
    binary: ctx.profile.redisServer,
    password: randomBytes(12).toString("hex"),
    appendOnly: true,
  });
  try {
    const env = { REDIS_URL: redis.url, MADOGUCHI_CLAIM_IDLE_MS: String(profile.claimIdleMs), MADOGUCHI_WATCH: "off" };
    const [one, two] = await Promise.all([
      ctx.rig.startServer("kill-replica-1", env),
      ctx.rig.startServer("kill-replica-2", env),
    ]);
    let live = [one, two];
    ctx.say(
      `kill -9 of one of two replicas: ${profile.spikeEvents} events in one second, replica 1 killed once ${profile.killAfterAcked} were acknowledged …`,
    );
    let killed: Promise<void> | undefined;
    const drive = await sendEvents({
      targets: () => live.map((s) => ctx.rig.lineTarget(s)),
      client: ctx.rig.client,
      count: profile.spikeEvents,
      rate: profile.spikeEvents,
      run: "k2",
      atAcked: profile.killAfterAcked,
      onAcked: () => {
        live = [two];
        killed = one.kill9();
      },
    });
    await killed;
    const caughtUp = await awaitAcked(ctx.rig.line, drive.acked, profile.claimIdleMs * 4);
    const redone = await redoCount(two.logFile);
    addFaultRow(
      ctx,
      "fault-kill-replica",
      "kill -9 of one of two replicas during a spike (Redis Stream)",
      drive,
      caughtUp,
      `the survivor claimed ${redone} of the dead replica's entries after ${profile.claimIdleMs / 1000} s idle; unacknowledged = in flight to the killed replica`,
      { redone },
    );
    await two.stop();
  } finally {
    await redis.stop();
  }
}
