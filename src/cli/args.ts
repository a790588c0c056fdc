// Option parsing shared by the commands (node:util parseArgs, with usage errors instead of throws).
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./command.js";

export function parseCommandArgs<O extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
