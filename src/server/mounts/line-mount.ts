// The LINE channel's ChannelMount (../channel-mounts.ts lists it): on when LINE_CHANNEL_SECRET and
// LINE_CHANNEL_ACCESS_TOKEN (or LINE_CHANNELS_FILE) are set, off otherwise.
import type { ChannelMount, MountContext } from "../channel-mount.js";
import { readLineConfig } from "../../channels/line/line-config.js";
import { mountLineChannels } from "../../channels/line/mount-line.js";
import type { LineChannel } from "../../channels/line/line-channel.js";
import { DEFAULT_PATIENCE_MS } from "../../channels/line/patient-delivery.js";
import { ConfigError } from "../config.js";

/** The mount; `onMounted` sees the channels it created (tests wait on their `idle()`). */
export function createLineMount(onMounted?: (channels: LineChannel[]) => void): ChannelMount {
  return {
    name: "line",
    offHint: "set LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN (or LINE_CHANNELS_FILE) to answer on LINE",
    async mount(ctx) {
      const channels = mountFromContext(ctx);
      if (channels.length === 0) return null;
      onMounted?.(channels);
      // A graceful stop waits for the answers a while; what is left stays in the durable queue for the next start.
      return { summary: channels.map(summaryLine), close: async () => { await Promise.race([Promise.all(channels.map((c) => c.idle())), sleep(CLOSE_WAIT_MS)]); } };
    },
  };
}

/** Short: what is still waiting then (e.g. for an unavailable LINE API) stays in the queue for the next start. */
const CLOSE_WAIT_MS = 3_000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

export const lineMount: ChannelMount = createLineMount();

function mountFromContext(ctx: MountContext): LineChannel[] {
  // The environment's channel serves the deployment's scope, already resolved by the server.
  const configs = readLineConfig(ctx.config.env).map((c) => (c.name === "default" ? { ...c, municipality: ctx.services.scope ?? undefined } : c));
  return mountLineChannels(ctx.routes, {
    env: ctx.config.env,
    configs,
    engine: ctx.services.engine,
    log: ctx.logger,
    metrics: ctx.metrics,
    handoff: ctx.services.handoff,
    dedupe: ctx.services.shared.deliveries, // Redis when REDIS_URL is set: one answer per event across replicas
    admit: (channel, user) => ctx.services.limits.lineAdmission(channel, user), // per-resident rate limit
    resolveMunicipality: (input) => ctx.services.knowledge().resolveMunicipality(input),
    // The engine keys sessions `${channel}:${user}` (src/dialogue/engine/conversation-engine.ts).
    forgetSession: (channel, user) => ctx.services.sessions.delete(`${channel}:${user}`),
    // An unsent message leaves the session's recent questions and every kept turn (the App Home's list).
    forgetMessage: async (channel, user, messageId) => {
      ctx.services.turns.forget({ channel, user, messageId });
      await ctx.services.engine.forgetMessage({ channel, user, messageId });
    },
    patience: { maxWaitMs: patienceMs(ctx.config.env) },
    queue: ctx.services.shared.queue, // the journal or the Redis Stream: acknowledged events survive a crash
  });
}

/** MADOGUCHI_LINE_PATIENCE_MS: how long an answer waits for an unavailable LINE API (default 10 minutes). */
function patienceMs(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env["MADOGUCHI_LINE_PATIENCE_MS"]?.trim();
  if (!raw) return DEFAULT_PATIENCE_MS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 20 * 60 * 1000) throw new ConfigError("MADOGUCHI_LINE_PATIENCE_MS", "must be a whole number of milliseconds from 0 to 1200000 (20 minutes)");
  return n;
}

function summaryLine(channel: LineChannel): string {
  const scope = channel.config.municipality ?? "every municipality";
  return `LINE: POST ${channel.config.path} (${scope})`;
}
