// The Slack channel's ChannelMount (../channel-mounts.ts lists it): on when SLACK_SIGNING_SECRET
// and SLACK_BOT_TOKEN are set. Events, slash commands and interactivity share POST /slack/events (or
// Socket Mode with SLACK_APP_TOKEN); the App Home counts turns from the engine's turn feed; with
// SLACK_HANDOFF_CHANNEL set, the channel is the handoff's staff desk.
import type { ChannelMount } from "../channel-mount.js";
import { readSlackConfig } from "../../channels/slack/slack-config.js";
import { TurnInsights } from "../../channels/slack/home/turn-insights.js";
import { SynonymProposalFile } from "../../channels/slack/home/synonym-proposal-sink.js";

export const SLACK_EVENTS_PATH = "/slack/events";

export const slackMount: ChannelMount = {
  name: "slack",
  offHint: "set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to answer staff on Slack",
  async mount(ctx) {
    const config = readSlackConfig(ctx.config.env);
    if (!config) return null;
    const { services } = ctx;
    const insights = new TurnInsights({
      explain: (text) => services.runtime.current().index.explain(text).concepts.map((c) => c.label),
      program: (id) => services.knowledge().program(id),
    });
    const { createSlackChannel } = await import("../../channels/slack/slack-channel.js"); // Bolt loads only when Slack is on
    const unsubscribe = services.turns.subscribe(insights.record, insights.forget);
    const channel = createSlackChannel({ ...config, municipality: services.scope ?? undefined }, {
      engine: services.engine,
      knowledge: () => services.knowledge(),
      mask: services.mask,
      log: ctx.logger,
      handoff: services.handoff,
      dedupe: services.shared.deliveries, // Redis when REDIS_URL is set: one answer per event across replicas
      insights,
      staff: services.staff,
      proposals: new SynonymProposalFile(ctx.config.knowledgeDir),
      runInBackground: (name, work) => ctx.tasks.run(name, work),
      onDuplicate: () => ctx.metrics.duplicateDeliveriesDropped.inc({ channel: "slack" }),
      onAnswer: (reply, seconds) => {
        ctx.metrics.queryDuration.observe(seconds, { channel: "slack", kind: "chat" });
        if (reply.noMatch) ctx.metrics.noMatch.inc({ channel: "slack" });
      },
      now: () => services.now().getTime(),
    });
    if (channel.receiver) ctx.routes.add("POST", SLACK_EVENTS_PATH, channel.receiver.handle);
    await channel.start();
    const summary = [
      channel.receiver ? `Slack: POST ${SLACK_EVENTS_PATH} (events, ${config.command}, interactivity)` : "Slack: Socket Mode",
      config.handoffChannel ? `Slack: handoffs open threads in ${config.handoffChannel}` : "Slack: handoff off (set SLACK_HANDOFF_CHANNEL)",
    ];
    return { summary, close: async () => { unsubscribe(); await channel.stop(); } };
  },
};
