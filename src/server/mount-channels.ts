// The channels the server serves, one factory each (src/channels/<name>/index.ts), and how they are put on
// the server: one ChannelContext built from the server's services, every factory called with it, the routes
// of those that are on added to the route table. A channel whose settings are absent stays off (its hint is
// printed); one that fails stops the start-up after closing those already mounted.
import type { ChannelContext, ChannelFactory } from "../channels/channel-context.js";
import { webChannel } from "../channels/web/index.js";
import { lineChannel } from "../channels/line/index.js";
import { slackChannel } from "../channels/slack/index.js";
import type { ServerConfig } from "../config/server-config.js";
import type { BackgroundTasks } from "./background-tasks.js";
import type { RouteTable } from "./http/route-table.js";
import type { Logger } from "./logging/logger.js";
import type { ServerMetrics } from "./metrics/server-metrics.js";
import type { ServerServices } from "./server-services.js";

export const CHANNELS: readonly ChannelFactory[] = [webChannel, lineChannel, slackChannel];

export interface MountedChannels {
  /** Every mounted channel ("web", "line", "slack"), for /healthz. */
  names: string[];
  /** Lines for the start-up banner. */
  summary: string[];
  /** Channels that stayed off, with how to turn them on. */
  off: { name: string; hint: string }[];
  closers: (() => Promise<void>)[];
}

export function channelContext(
  config: ServerConfig,
  s: ServerServices,
  metrics: ServerMetrics,
  tasks: BackgroundTasks,
  logger: Logger,
  bursting: () => boolean,
): ChannelContext {
  return {
    env: config.env,
    knowledgeDir: config.knowledgeDir,
    snapshot: () => s.runtime.current(),
    engine: s.engine,
    deliveries: s.shared.deliveries,
    queue: s.shared.queue,
    answers: s.shared.answers,
    admission: { line: s.limits.lineAdmission, web: s.limits.webAdmission },
    metrics,
    background: (name, work) => tasks.run(name, work),
    handoff: s.handoff,
    turns: s.turns,
    mask: s.mask,
    scope: s.scope,
    now: s.now,
    log: logger,
    staff: s.staff,
    turnLog: () => s.shared.turnLog(),
    bursting,
  };
}

export async function mountChannels(
  factories: readonly ChannelFactory[],
  ctx: ChannelContext,
  routes: RouteTable,
): Promise<MountedChannels> {
  const result: MountedChannels = { names: [], summary: [], off: [], closers: [] };
  try {
    for (const factory of factories) {
      const channel = await factory(ctx);
      if ("off" in channel) {
        result.off.push({ name: channel.name, hint: channel.off });
        continue;
      }
      if (channel.close) result.closers.push(channel.close);
      routes.mount(channel.routes);
      result.names.push(channel.name);
      result.summary.push(...channel.summary);
      ctx.log.info({ channel: channel.name }, "channel mounted");
    }
  } catch (e) {
    for (const close of result.closers) await close().catch(() => undefined);
    throw e;
  }
  return result;
}
