// Every command of the `madoguchi` executable, loaded lazily so `search` does not pay for the server.
import type { Command } from "./command.js";

export const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import("./check.js")).checkCommand,
  list: async () => (await import("./list.js")).listCommand,
};
