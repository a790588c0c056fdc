// Collects the server's pino lines in memory so tests can assert what was (and was not) logged.
import type { DestinationStream } from "pino";

export interface LogCapture {
  destination: DestinationStream;
  /** Every line written so far, as text. */
  text(): string;
  /** Every line written so far, parsed. */
  entries(): Record<string, unknown>[];
}

export function captureLogs(): LogCapture {
  const lines: string[] = [];
  return {
    destination: { write: (line: string) => { lines.push(line); } },
    text: () => lines.join(""),
    entries: () => lines.join("").split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
