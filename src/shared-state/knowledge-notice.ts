// The notice that the knowledge changed, over Redis pub/sub: whoever writes an approved change (a
// replica's Slack App Home, `madoguchi staff approve`) publishes it, and every replica subscribed reloads
// its knowledge from the (shared) directory within moments instead of waiting for its file watcher —
// which may not see a change made on another machine's mount at all.
// Channel: `${REDIS_KEY_PREFIX}knowledge-changed`; message: JSON {from, at}.
import type { Redis } from "ioredis";
import type { Env } from "../config/server-config.js";
import { connectRedis } from "./redis-connection.js";
import { DEFAULT_REDIS_KEY_PREFIX } from "./shared-state.js";

export interface KnowledgeNotices {
  publish(): Promise<void>;
  close(): Promise<void>;
}

function channelName(env: Env): string {
  return `${env["REDIS_KEY_PREFIX"]?.trim() || DEFAULT_REDIS_KEY_PREFIX}knowledge-changed`;
}

/** Subscribes (when REDIS_URL is set) and calls `onNotice` for every notice another process sent. */
export async function subscribeKnowledgeNotices(
  env: Env,
  onNotice: () => void,
  from = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
): Promise<KnowledgeNotices | undefined> {
  const url = env["REDIS_URL"]?.trim();
  if (!url) return undefined;
  const channel = channelName(env);
  // pub/sub channels ignore keyPrefix; a subscribed connection can do nothing else, hence two.
  const sub = await connectRedis(url, { keyPrefix: "" });
  const pub = await connectRedis(url, { keyPrefix: "" });
  sub.on("message", (ch: string, message: string) => {
    if (ch !== channel) return;
    const sender = parseSender(message);
    if (sender !== from) onNotice();
  });
  await sub.subscribe(channel);
  return {
    publish: async () => {
      await pub.publish(channel, JSON.stringify({ from, at: new Date().toISOString() }));
    },
    async close() {
      await Promise.all([quit(sub), quit(pub)]);
    },
  };
}

/** One notice from a process that does not listen (the CLI). */
export async function publishKnowledgeNotice(env: Env): Promise<boolean> {
  const url = env["REDIS_URL"]?.trim();
  if (!url) return false;
  const pub = await connectRedis(url, { keyPrefix: "" });
  try {
    await pub.publish(channelName(env), JSON.stringify({ from: "cli", at: new Date().toISOString() }));
    return true;
  } finally {
    await quit(pub);
  }
}

function parseSender(message: string): string | undefined {
  try {
    const v = JSON.parse(message) as { from?: unknown };
    return typeof v.from === "string" ? v.from : undefined;
  } catch {
    return undefined;
  }
}

async function quit(r: Redis): Promise<void> {
  await r.quit().catch(() => r.disconnect());
}
