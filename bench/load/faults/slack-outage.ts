// The Slack Web API unavailable (chat.* answering 503) for a while as staff keep asking: the events are
// acknowledged within Slack's 3 s, and each answer waits, with back-off, and is posted once when Slack is
// back. (A process killed meanwhile: slack-kill.ts.)
import type { FaultContext } from "./fault-drive.js";
import { appMentionBody, slackHeaders } from "../../../test/fakes/slack-requests.js";
import type { FaultProfile } from "./fault-profile.js";
import { summarize, ms } from "../stats.js";
import { postsInThread } from "../slack-answers.js";

export async function slackApiDown(ctx: FaultContext, profile: FaultProfile): Promise<void> {
  const server = await ctx.rig.startServer("slack-down");
  const sink = ctx.rig.slack;
  const downMs = profile.slackDownSeconds * 1000;
  ctx.say(`Slack API down ${profile.slackDownSeconds} s (chat.* 503) while staff ask …`);
  const refusalsBefore = sink.outageRefusals;
  sink.failChat(503, downMs);
  const mentions: { ts: string; acked: boolean; ms: number }[] = [];
  const started = Date.now();
  while (Date.now() - started < downMs * 0.8) {
    const m = appMentionBody("児童手当");
    const url = ctx.rig.slackTarget(server).url;
    const r = await ctx.rig.client.send(url, {
      method: "POST",
      headers: slackHeaders(ctx.rig.secrets.slackSecret, m.body, "application/json"),
      body: m.body,
    });
    mentions.push({ ts: m.ts, acked: r.status === 200, ms: r.ms });
    await new Promise((res) => setTimeout(res, 500));
  }
  const deadline = Date.now() + downMs + 60_000;
  while (Date.now() < deadline && mentions.some((m) => m.acked && postsInThread(sink, m.ts) === 0))
    await new Promise((r) => setTimeout(r, 250));
  await new Promise((r) => setTimeout(r, 1_000));
  const acked = mentions.filter((m) => m.acked);
  const answered = mentions.filter((m) => postsInThread(sink, m.ts) > 0).length;
  const twice = mentions.filter((m) => postsInThread(sink, m.ts) > 1).length;
  const lost = acked.filter((m) => postsInThread(sink, m.ts) === 0).length;
  const ack = summarize(acked.map((m) => m.ms));
  ctx.out.add({
    id: "fault-slack-down",
    check: `fault: Slack API down ${profile.slackDownSeconds} s (chat.postMessage 503)`,
    target: "0 acknowledged events lost, 0 answered twice",
    result: `sent ${mentions.length}, acknowledged ${acked.length}, answered ${answered}, answered twice ${twice}, lost ${lost}; ack p99 ${ms(ack.p99)}; ${sink.outageRefusals - refusalsBefore} calls refused meanwhile`,
    pass: lost === 0 && twice === 0 && acked.length > 0,
    figures: {
      sent: mentions.length,
      acknowledged: acked.length,
      answered,
      answeredTwice: twice,
      lost,
      refusedCalls: sink.outageRefusals - refusalsBefore,
    },
  });
  await server.stop();
}
