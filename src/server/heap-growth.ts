// How far V8 lets the JS heap grow past what is alive before it collects: `madoguchi serve` caps it.
//
// Why: V8 sets the next full collection at the live size times a factor it chooses from its own speed —
// up to 4 when the heap may be large, which on a machine with gigabytes to spare it always may. Under a
// steady load the heap then swings between the live size and four times it, and resident memory with it:
// in the 30-minute soak (docs/reliability.md) about 110 MiB alive was carried in up to 290 MiB of heap, and
// every MiB the live heap gained (ids kept for the dedupe ttl) cost up to four. Fixing the factor at
// 1 + MADOGUCHI_HEAP_GROWING_PERCENT/100 (default 1.5) keeps the heap near what is alive, for a few more
// full collections (each mostly concurrent: marking runs on a helper thread).
//
// The flag is V8's `--heap-growing-percent`, set at run time (node does not allow it in NODE_OPTIONS); a
// `node --heap-growing-percent=N` given by the operator wins, and `MADOGUCHI_HEAP_GROWING_PERCENT=0` leaves
// V8 its own choice.
import { setFlagsFromString } from "node:v8";
import { ConfigError } from "../config/server-config.js";

export const DEFAULT_HEAP_GROWING_PERCENT = 50;

/** The percent in force after applying `env` (0: V8's own), or "node flag" when the command line set it. */
export function applyHeapGrowth(
  env: Record<string, string | undefined>,
  execArgv: readonly string[] = process.execArgv,
): number | "node flag" {
  if (execArgv.some((a) => /^--heap[-_]growing[-_]percent\b/.test(a))) return "node flag";
  const percent = heapGrowingPercent(env["MADOGUCHI_HEAP_GROWING_PERCENT"]);
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
  return percent;
}

function heapGrowingPercent(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return DEFAULT_HEAP_GROWING_PERCENT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 1000)
    throw new ConfigError("MADOGUCHI_HEAP_GROWING_PERCENT", "must be a whole number from 0 (V8's own) to 1000");
  return n;
}
