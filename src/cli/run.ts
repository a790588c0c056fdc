// Dispatches `madoguchi <command>` to one command per file (see commands.ts). The entry is main.ts.
import { COMMANDS } from "./commands.js";
import { UsageError, type CliIo } from "./command.js";

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(await helpText());
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr.write(`madoguchi: unknown command "${name}"\n\n${await helpText()}`);
    return 2;
  }
  const command = await load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(`${command.summary}\n\nusage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`madoguchi ${name}: ${e.message}\nusage: ${command.usage}\n`);
      return 2;
    }
    throw e;
  }
}

async function helpText(): Promise<string> {
  const lines = await Promise.all(
    Object.entries(COMMANDS).map(async ([n, load]) => `  ${n.padEnd(10)} ${(await load()).summary}`),
  );
  return `madoguchi — answers questions about municipal support programs\n\nusage: madoguchi <command> [options]   (madoguchi <command> --help for its options)\n\ncommands:\n${lines.join("\n")}\n`;
}
