// The LINE API unavailable for a while (a third of it answering 503, a third 429 with Retry-After, a third
// refusing connections) while residents keep writing: the answers wait, with back-off, and go out once
// each when LINE is back (by push with the event's retry key once the reply tokens have gone stale).
import type { FaultContext } from "./fault-drive.js";
import { addFaultRow, awaitAcked, sendEvents } from "./fault-drive.js";
import type { FaultProfile } from "./fault-profile.js";

export async function lineApiDown(ctx: FaultContext, profile: FaultProfile): Promise<void> {
  const server = await ctx.rig.startServer("line-down");
  const third = (profile.lineDownSeconds * 1000) / 3;
  ctx.say(
    `LINE API down ${profile.lineDownSeconds} s (503, then 429 Retry-After, then refused connections), ${profile.lineDownRate} events/s meanwhile …`,
  );
  const sink = ctx.rig.line;
  const refusalsBefore = sink.outageRefusals;
  const outage = (async () => {
    sink.failAll(503, third);
    await new Promise((r) => setTimeout(r, third));
    sink.failAll(429, third, "5");
    await new Promise((r) => setTimeout(r, third));
    await sink.refuseConnections(third);
  })();
  const drive = await sendEvents({
    targets: () => [ctx.rig.lineTarget(server)],
    client: ctx.rig.client,
    count: Math.round(profile.lineDownRate * profile.lineDownSeconds),
    rate: profile.lineDownRate,
    run: "d1",
  });
  await outage;
  const backAt = Date.now();
  const caughtUp = await awaitAcked(sink, drive.acked, 45_000);
  addFaultRow(
    ctx,
    "fault-line-down",
    `LINE API down ${profile.lineDownSeconds} s (503 / 429 Retry-After / connection refused)`,
    drive,
    caughtUp,
    `${sink.outageRefusals - refusalsBefore} calls refused meanwhile; all answered ${((Date.now() - backAt) / 1000).toFixed(1)} s after LINE came back`,
    { refusedCalls: sink.outageRefusals - refusalsBefore },
  );
  await server.stop();
}
