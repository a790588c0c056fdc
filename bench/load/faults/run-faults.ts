// The fault table: each fault of issue 15 against real server processes (kill -9 is a real SIGKILL) with
// the fake LINE API counting every answer. `npm run bench:load` runs it with BENCH_FAULTS, the reliability
// test with CI_FAULTS; both print the same rows.
import type { FaultContext } from "./fault-drive.js";
import { redisAvailable } from "../redis-process.js";
import { Rig } from "../rig.js";
import { Measurements } from "../measurements.js";
import type { LoadProfile } from "../scenarios/context.js";
import type { FaultProfile } from "./fault-profile.js";
import { killOnlyProcess } from "./kill-only-process.js";
import { killOneReplica } from "./kill-replica.js";
import { lineApiDown } from "./line-outage.js";
import { redisRestarted } from "./redis-restart.js";
import { diskFull } from "./disk-full.js";
import { slackApiDown } from "./slack-outage.js";
import { slackKilled } from "./slack-kill.js";

export async function runFaults(
  ctx: FaultContext,
  profile: FaultProfile,
  only?: (name: string) => boolean,
): Promise<void> {
  const wanted = only ?? (() => true);
  const hasRedis = ctx.profile.redisServer !== undefined && (await redisAvailable(ctx.profile.redisServer));
  if (wanted("kill-only")) await killOnlyProcess(ctx, profile);
  if (wanted("kill-replica")) await withRedis(ctx, hasRedis, "fault-kill-replica", () => killOneReplica(ctx, profile));
  if (wanted("line-down")) await lineApiDown(ctx, profile);
  if (wanted("slack-down")) await slackApiDown(ctx, profile);
  if (wanted("slack-kill")) await slackKilled(ctx, profile);
  if (wanted("redis-restart"))
    await withRedis(ctx, hasRedis, "fault-redis-restart", () => redisRestarted(ctx, profile));
  if (wanted("disk-full")) await diskFull(ctx, profile);
}

async function withRedis(ctx: FaultContext, hasRedis: boolean, id: string, run: () => Promise<void>): Promise<void> {
  if (hasRedis) return run();
  ctx.out.add({
    id,
    check: `fault: ${id}`,
    target: "0 lost, 0 answered twice",
    result: "not run: redis-server is not installed (apt-get install redis-server)",
    pass: false,
    figures: {},
  });
}

/** The fault table on its own (the reliability test): its own rig, removed afterwards unless a row failed. */
export async function runFaultSuite(
  load: LoadProfile,
  profile: FaultProfile,
  say: (line: string) => void,
  only?: string[],
): Promise<{ measurements: Measurements; keptDir?: string }> {
  const rig = await Rig.create();
  const out = new Measurements();
  let ok = false;
  try {
    await runFaults(
      { rig, profile: load, out, say },
      profile,
      only ? (name) => only.some((w) => name.includes(w)) : undefined,
    );
    ok = out.allPass;
  } finally {
    await rig.close(!ok);
  }
  return { measurements: out, ...(ok ? {} : { keptDir: rig.dir }) };
}
