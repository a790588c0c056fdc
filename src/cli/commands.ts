// Every command of the `madoguchi` executable, loaded lazily so `search` does not pay for the server.
import type { Command } from "./command.js";

export const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import("./check.js")).checkCommand,
  list: async () => (await import("./list.js")).listCommand,
  search: async () => (await import("./search.js")).searchCommand,
  import: async () => (await import("./import.js")).importCommand,
  serve: async () => (await import("./serve.js")).serveCommand,
  chat: async () => (await import("./chat.js")).chatCommand,
  converse: async () => (await import("./converse.js")).converseCommand,
  line: async () => (await import("./line.js")).lineCommand,
  staff: async () => (await import("./staff.js")).staffCommand,
};
