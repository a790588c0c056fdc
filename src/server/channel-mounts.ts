// The channels the server can mount besides the web page, loaded lazily so a server without LINE or
// Slack settings never loads their SDKs. Add one line per channel (its mount lives in mounts/):
//   async () => (await import("./mounts/line-mount.js")).lineMount,
import type { ChannelMount } from "./channel-mount.js";

export const CHANNEL_MOUNTS: (() => Promise<ChannelMount>)[] = [
  async () => (await import("./mounts/line-mount.js")).lineMount,
  async () => (await import("./mounts/slack-mount.js")).slackMount,
];
