// The server's pino logger: JSON lines, every argument of every call passed through sanitize.ts, so
// no caller can log a My Number, a phone number, an e-mail address, a secret or a line break by mistake.
import pino, { type Logger, type DestinationStream } from "pino";
import { sanitizeValue, type Masker } from "./sanitize.js";

export type { Logger } from "pino";

export interface LoggerOptions {
  /** pino level name: fatal, error, warn, info, debug, trace, silent. */
  level?: string;
  /** Where lines go (default stdout). Tests pass a stream that collects them. */
  destination?: DestinationStream;
  /** Masks personal data in a string (src/text's maskPersonalData). */
  mask: Masker;
}

export function createLogger(options: LoggerOptions): Logger {
  const { mask } = options;
  return pino(
    {
      level: options.level ?? "info",
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: {
        logMethod(args, method) {
          const clean = args.map((a) => sanitizeValue(a, mask)) as Parameters<typeof method>;
          method.apply(this, clean);
        },
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
