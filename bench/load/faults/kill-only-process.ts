// kill -9 of the only server process during a spike, then the operator (or systemd) starts it again on the
// same journal: every event it acknowledged before dying is answered by the new process, none twice.
import { join } from "node:path";
import type { FaultContext } from "./fault-drive.js";
import { addFaultRow, awaitAcked, redoCount, sendEvents } from "./fault-drive.js";
import type { FaultProfile } from "./fault-profile.js";

export async function killOnlyProcess(ctx: FaultContext, profile: FaultProfile): Promise<void> {
  const journal = { MADOGUCHI_JOURNAL_DIR: join(ctx.rig.dir, "journal", "solo") };
  let server = await ctx.rig.startServer("solo-1", journal);
  const target = () => [ctx.rig.lineTarget(server)];
  ctx.say(
    `kill -9 of the only process: ${profile.spikeEvents} events in one second, killed once ${profile.killAfterAcked} were acknowledged …`,
  );
  let killed: Promise<void> | undefined;
  const drive = await sendEvents({
    targets: target,
    client: ctx.rig.client,
    count: profile.spikeEvents,
    rate: profile.spikeEvents,
    run: "k1",
    atAcked: profile.killAfterAcked,
    onAcked: () => {
      killed = server.kill9();
    },
  });
  await killed;
  const answeredBeforeRestart = drive.acked.filter((id) => ctx.rig.line.answered(id) > 0).length;
  const restartedAt = Date.now();
  server = await ctx.rig.startServer("solo-2", journal);
  const restartSeconds = (Date.now() - restartedAt) / 1000;
  const caughtUp = await awaitAcked(ctx.rig.line, drive.acked, 20_000);
  addFaultRow(
    ctx,
    "fault-kill-only",
    "kill -9 of the only process during a spike (restarted on its journal)",
    drive,
    caughtUp,
    `${answeredBeforeRestart} answered before the kill; the restarted process (start-up ${restartSeconds.toFixed(1)} s) replayed ${await redoCount(server.logFile)} from the journal`,
    { answeredBeforeRestart, redone: await redoCount(server.logFile) },
  );
  await server.stop();
}
