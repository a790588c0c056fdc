// Bolt's and the Web API client's log lines, sent to our logger. They can carry request bodies at debug
// level, so debug is dropped; other lines go through as one string (our logger masks personal data).
import { LogLevel, type Logger } from "@slack/bolt";
import type { SlackLog } from "./slack-deps.js";

export function boltLogger(log: SlackLog): Logger {
  let name = "bolt";
  const line = (msg: unknown[]) =>
    msg
      .map((m) => (m instanceof Error ? `${m.name}: ${m.message}` : typeof m === "string" ? m : JSON.stringify(m)))
      .join(" ");
  return {
    debug: () => {},
    info: (...msg: unknown[]) => log.info({ component: name }, line(msg)),
    warn: (...msg: unknown[]) => log.warn({ component: name }, line(msg)),
    error: (...msg: unknown[]) => log.error({ component: name }, line(msg)),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: (n: string) => void (name = n),
  };
}
