// The LINE channel: on when LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN (or LINE_CHANNELS_FILE) are
// set. One POST route per official account (/webhooks/line, /webhooks/line/<name>), each account the
// handoff's way of writing to its residents. The SDK loads only when LINE is on.
import type { ChannelContext, ChannelOff, ChannelRoutes } from "../channel-context.js";
import { readLineConfig, type LineChannelConfig } from "./line-config.js";

/** Short: what is still waiting then (e.g. for an unavailable LINE API) stays in the queue for the next start. */
const CLOSE_WAIT_MS = 3_000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

export const LINE_OFF_HINT =
  "set LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN (or LINE_CHANNELS_FILE) to answer on LINE";

export async function lineChannel(ctx: ChannelContext): Promise<ChannelRoutes | ChannelOff> {
  const configs = readLineConfig(ctx.env).map((c) => withMunicipality(c, ctx));
  if (configs.length === 0) return { name: "line", off: LINE_OFF_HINT };
  const { LineChannel } = await import("./line-channel.js");
  const accounts = configs.map((config) => new LineChannel(config, ctx));
  for (const account of accounts) {
    ctx.handoff.attachMessenger(account.config.channel, {
      send: (resident, text) => account.pushText(resident.userId, text),
    });
  }
  return {
    name: "line",
    routes: accounts.map((a) => ({ method: "POST", pattern: a.config.path, handler: a.handle })),
    summary: accounts.map((a) => `LINE: POST ${a.config.path} (${a.config.municipality ?? "every municipality"})`),
    // A graceful stop waits for the answers a while; what is left stays in the durable queue for the next start.
    close: async () => {
      await Promise.race([Promise.all(accounts.map((a) => a.idle())), sleep(CLOSE_WAIT_MS)]);
    },
  };
}

/**
 * The environment's account serves the deployment's scope, already resolved by the server; a file's
 * account names its own municipality, checked against the knowledge (full name, or an error).
 */
function withMunicipality(config: LineChannelConfig, ctx: ChannelContext): LineChannelConfig {
  if (config.name === "default") return { ...config, municipality: ctx.scope ?? undefined };
  if (!config.municipality) return config;
  const name = ctx.snapshot().knowledge.resolveMunicipality(config.municipality);
  if (!name)
    throw new Error(
      `LINE channel ${config.name}: unknown municipality "${config.municipality}" (not in the knowledge)`,
    );
  return { ...config, municipality: name };
}
