// The Slack channel: on when SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are set. Events, slash commands and
// interactivity share POST /slack/events (or Socket Mode with SLACK_APP_TOKEN); the App Home counts turns
// from the engine's turn feed; with SLACK_HANDOFF_CHANNEL set, the channel is the handoff's staff desk.
// Bolt loads only when Slack is on.
import type { ChannelContext, ChannelOff, ChannelRoutes } from "../channel-context.js";
import type { Route } from "../http/route.js";
import { readSlackConfig } from "./slack-config.js";
import { TurnInsights } from "./home/turn-insights.js";
import { SynonymProposalFile } from "./home/synonym-proposal-sink.js";
import type { SlackChannelOptions } from "./slack-channel.js";

export const SLACK_EVENTS_PATH = "/slack/events";
export const SLACK_OFF_HINT = "set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to answer staff on Slack";

export async function slackChannel(
  ctx: ChannelContext,
  options: SlackChannelOptions = {},
): Promise<ChannelRoutes | ChannelOff> {
  const config = readSlackConfig(ctx.env);
  if (!config) return { name: "slack", off: SLACK_OFF_HINT };
  const insights = new TurnInsights({
    explain: (text) =>
      ctx
        .snapshot()
        .index.explain(text)
        .concepts.map((c) => c.label),
    program: (id) => ctx.snapshot().knowledge.program(id),
    log: await ctx.turnLog(),
    onError: (e) => ctx.log.warn({ err: e }, "slack: a turn could not be kept for the App Home"),
  });
  const { createSlackChannel } = await import("./slack-channel.js");
  const unsubscribe = ctx.turns.subscribe(insights.record, insights.forget);
  const channel = createSlackChannel(
    { ...config, municipality: ctx.scope ?? undefined },
    {
      engine: ctx.engine,
      knowledge: () => ctx.snapshot().knowledge,
      mask: ctx.mask,
      log: ctx.log,
      handoff: ctx.handoff,
      dedupe: ctx.deliveries,
      queue: ctx.queue,
      answers: ctx.answers,
      insights,
      staff: ctx.staff,
      proposals: new SynonymProposalFile(ctx.knowledgeDir),
      runInBackground: ctx.background,
      onDuplicate: () => ctx.metrics.duplicateDeliveriesDropped.inc({ channel: "slack" }),
      onAnswer: (reply, seconds) => {
        ctx.metrics.queryDuration.observe({ channel: "slack", kind: "chat" }, seconds);
        if (reply.noMatch) ctx.metrics.noMatch.inc({ channel: "slack" });
      },
      now: () => ctx.now().getTime(),
    },
    options,
  );
  const routes: Route[] = channel.receiver
    ? [{ method: "POST", pattern: SLACK_EVENTS_PATH, handler: channel.receiver.handle }]
    : [];
  await channel.start();
  const summary = [
    channel.receiver
      ? `Slack: POST ${SLACK_EVENTS_PATH} (events, ${config.command}, interactivity)`
      : "Slack: Socket Mode",
    config.handoffChannel
      ? `Slack: handoffs open threads in ${config.handoffChannel}`
      : "Slack: handoff off (set SLACK_HANDOFF_CHANNEL)",
  ];
  return {
    name: "slack",
    routes,
    summary,
    close: async () => {
      unsubscribe();
      await channel.stop();
    },
  };
}
