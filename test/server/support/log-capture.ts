// Collects the server's pino lines in memory so tests can assert what was (and was not) logged, and wait
// for a line to be written (an event, never a fixed sleep).
import type { DestinationStream } from "pino";

type Entry = Record<string, unknown>;

export interface LogCapture {
  destination: DestinationStream;
  /** Every line written so far, as text. */
  text(): string;
  /** Every line written so far, parsed. */
  entries(): Entry[];
  /** The first line, already written or still to come, that `matches`; rejects after `timeoutMs`. */
  next(matches: (entry: Entry) => boolean, timeoutMs?: number): Promise<Entry>;
}

export function captureLogs(): LogCapture {
  const lines: string[] = [];
  const waiting = new Set<(entry: Entry) => void>();
  const parse = (text: string): Entry[] =>
    text
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => JSON.parse(l) as Entry);
  return {
    destination: {
      write: (line: string) => {
        lines.push(line);
        for (const entry of parse(line)) for (const hear of [...waiting]) hear(entry);
      },
    },
    text: () => lines.join(""),
    entries: () => parse(lines.join("")),
    next(matches, timeoutMs = 10_000) {
      const already = parse(lines.join("")).find(matches);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(hear);
          reject(new Error("timed out waiting for a log line"));
        }, timeoutMs);
        const hear = (entry: Entry) => {
          if (!matches(entry)) return;
          clearTimeout(timer);
          waiting.delete(hear);
          resolve(entry);
        };
        waiting.add(hear);
      });
    },
  };
}
