// One person's conversation on one channel: the key of their session in the SessionStore (in memory or
// Redis). "line/iizuka" and "line" are different channels, so a resident of two accounts has two sessions.
export function sessionKey(channel: string, user: string): string {
  return `${channel}:${user}`;
}
