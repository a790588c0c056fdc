// Mounts every configured channel in turn. A channel that is not configured stays off (its hint is
// printed); one that fails to mount stops the start-up after closing those already mounted.
import type { ChannelMount, MountContext } from "./channel-mount.js";

export interface MountedChannels {
  /** "web" and every mounted channel, for /healthz. */
  names: string[];
  /** Lines for the start-up banner. */
  summary: string[];
  /** Channels that stayed off, with how to turn them on. */
  off: { name: string; hint: string }[];
  closers: (() => Promise<void>)[];
}

export async function mountChannels(mounts: ChannelMount[], ctx: MountContext): Promise<MountedChannels> {
  const result: MountedChannels = { names: ["web"], summary: [], off: [], closers: [] };
  for (const mount of mounts) {
    try {
      const mounted = await mount.mount(ctx);
      if (!mounted) {
        result.off.push({ name: mount.name, hint: mount.offHint });
        continue;
      }
      result.names.push(mount.name);
      result.summary.push(...mounted.summary);
      if (mounted.close) result.closers.push(() => mounted.close!());
      ctx.logger.info({ channel: mount.name }, "channel mounted");
    } catch (e) {
      for (const close of result.closers) await close().catch(() => undefined);
      throw e;
    }
  }
  return result;
}
