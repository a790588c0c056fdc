// The journal's disk fills up: the server runs in its own mount namespace (`unshare -rm`) with the journal
// directory on a tmpfs of a few KiB — a real ENOSPC from the kernel, no injected failure. Webhooks are still
// acknowledged, the events the journal could not take are answered from memory, and none is lost or doubled
// (nothing is killed here: an event the disk refused would be lost only if the process also died).
import { join } from "node:path";
import { mkdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import type { FaultContext } from "./fault-drive.js";
import { readLog } from "../server-process.js";
import { addFaultRow, awaitAcked, sendEvents } from "./fault-drive.js";
import type { FaultProfile } from "./fault-profile.js";

/** Whether this machine lets us mount a tmpfs in a private mount namespace. */
export function tinyDiskPossible(): boolean {
  const probe = spawnSync("unshare", ["-rm", "sh", "-c", "mount -t tmpfs -o size=16k tmpfs /tmp"], { stdio: "ignore" });
  return probe.status === 0;
}

export async function diskFull(ctx: FaultContext, profile: FaultProfile): Promise<void> {
  if (!tinyDiskPossible()) {
    ctx.out.add({
      id: "fault-disk-full",
      check: "fault: disk full for the journal",
      target: "0 lost, 0 answered twice",
      result: "not run: this machine does not allow a tmpfs in a user namespace (unshare -rm)",
      pass: false,
      figures: {},
    });
    return;
  }
  const dir = join(ctx.rig.dir, "tiny-disk");
  mkdirSync(dir, { recursive: true });
  const journalDir = join(dir, "journal");
  const script = `mount -t tmpfs -o size=${profile.tinyDiskBytes},mode=0700 tmpfs '${dir}' && exec "$@"`;
  const server = await ctx.rig.startServer("disk-full", { MADOGUCHI_JOURNAL_DIR: journalDir }, [
    "unshare",
    ["-rm", "sh", "-c", script, "sh"],
  ]);
  ctx.say(
    `disk full: journal on a ${profile.tinyDiskBytes / 1024} KiB tmpfs, ${profile.spikeEvents} events in one second …`,
  );
  const drive = await sendEvents({
    targets: () => [ctx.rig.lineTarget(server)],
    client: ctx.rig.client,
    count: profile.spikeEvents,
    rate: profile.spikeEvents,
    run: "f1",
  });
  const caughtUp = await awaitAcked(ctx.rig.line, drive.acked, 20_000);
  const log = await readLog(server.logFile);
  const failures = (log.match(/"msg":"journal write failed/g) ?? []).length;
  addFaultRow(
    ctx,
    "fault-disk-full",
    `disk full for the journal (a ${profile.tinyDiskBytes / 1024} KiB tmpfs, real ENOSPC)`,
    drive,
    caughtUp,
    `${failures} journal writes refused (ENOSPC), those events answered from memory`,
    { journalWriteFailures: failures },
  );
  await server.stop();
}
