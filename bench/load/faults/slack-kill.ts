// kill -9 of the only process while acknowledged Slack mentions wait for their answer, then a restart on
// the same journal: every mention Slack got a 200 for is answered once in its thread. The Slack API answers
// 503 meanwhile, so the answers are still waiting (not yet posted) when the process dies: the restarted
// process has to find them in the journal. Slack does not resend an event it got a 200 for.
import { join } from "node:path";
import type { FaultContext } from "./fault-drive.js";
import { appMentionBody, slackHeaders } from "../../../test/fakes/slack-requests.js";
import type { FaultProfile } from "./fault-profile.js";
import { summarize, ms } from "../stats.js";
import { postsInThread } from "../slack-answers.js";
import { readLog } from "../server-process.js";

export async function slackKilled(ctx: FaultContext, profile: FaultProfile): Promise<void> {
  const journal = { MADOGUCHI_JOURNAL_DIR: join(ctx.rig.dir, "journal", "slack-solo") };
  let server = await ctx.rig.startServer("slack-kill-1", journal);
  const sink = ctx.rig.slack;
  const count = profile.slackKillEvents;
  ctx.say(`kill -9 while ${count} acknowledged Slack mentions wait for their answer (Slack API 503), then a restart …`);
  sink.failChat(503, 60_000);
  const mentions = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const m = appMentionBody(i % 2 ? "児童手当" : "出産のお祝い金はある？");
      const r = await ctx.rig.client.send(ctx.rig.slackTarget(server).url, {
        method: "POST",
        headers: slackHeaders(ctx.rig.secrets.slackSecret, m.body, "application/json"),
        body: m.body,
      });
      return { ts: m.ts, acked: r.status === 200, ms: r.ms };
    }),
  );
  const answeredBeforeKill = mentions.filter((m) => postsInThread(sink, m.ts) > 0).length;
  await server.kill9();
  sink.failChat(503, 0); // Slack is back
  server = await ctx.rig.startServer("slack-kill-2", journal);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && mentions.some((m) => m.acked && postsInThread(sink, m.ts) === 0))
    await new Promise((r) => setTimeout(r, 250));
  await new Promise((r) => setTimeout(r, 1_000)); // a second answer would come now
  const acked = mentions.filter((m) => m.acked);
  const answered = mentions.filter((m) => postsInThread(sink, m.ts) > 0).length;
  const twice = mentions.filter((m) => postsInThread(sink, m.ts) > 1).length;
  const lost = acked.filter((m) => postsInThread(sink, m.ts) === 0).length;
  const redone = (await readLog(server.logFile))
    .split("\n")
    .filter((l) => l.includes('"msg":"slack event handled"') && l.includes('"redo":true')).length;
  const ack = summarize(acked.map((m) => m.ms));
  ctx.out.add({
    id: "fault-slack-kill",
    check: "fault: kill -9 of the only process with acknowledged Slack mentions waiting (restarted on its journal)",
    target: "0 acknowledged events lost, 0 answered twice",
    result: `sent ${mentions.length}, acknowledged ${acked.length}, answered ${answered}, answered twice ${twice}, lost ${lost}; ack p99 ${ms(ack.p99)}; ${answeredBeforeKill} answered before the kill, ${redone} replayed by the restarted process`,
    pass: lost === 0 && twice === 0 && acked.length > 0,
    figures: {
      sent: mentions.length,
      acknowledged: acked.length,
      answered,
      answeredTwice: twice,
      lost,
      answeredBeforeKill,
      redone,
    },
  });
  await server.stop();
}
