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
    options.destination ?? batchedStdout(),
  );
}

/** Bytes of log lines gathered before one write to stdout (see batchedStdout). */
const LOG_BATCH_BYTES = 8 * 1024;
/** Longest a log line waits in the batch. */
const LOG_BATCH_MS = 100;

/**
 * stdout, written in batches: one write per line was about a tenth of the CPU the server spent
 * acknowledging a 2,000-event spike (each acknowledgement logs a line). A batch goes out at 8 KiB, after
 * 100 ms at the latest, and on exit (pino flushes its destination synchronously then).
 */
function batchedStdout(): DestinationStream {
  const out = pino.destination({ dest: 1, sync: false, minLength: LOG_BATCH_BYTES });
  setInterval(() => out.flush(), LOG_BATCH_MS).unref();
  return out;
}
