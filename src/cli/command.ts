// The shape of one CLI command: it gets its own arguments and the process streams, returns an exit code.
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  summary: string;
  /** Usage line(s) shown by `madoguchi <command> --help`. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** A usage error: printed with the command's usage and exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
