// Small helpers for the benchmarks: percentiles, fresh child processes, memory in MB.
import { spawn } from "node:child_process";

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

export function latencies(samples: readonly number[]): { p50: number; p99: number; max: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    n: sorted.length,
  };
}

export function mb(bytes: number): number {
  return Math.round(bytes / 1e6);
}

export interface ChildRun {
  ms: number;
  stdout: string;
  code: number | null;
}

/** Runs a fresh Node process to completion; ms is the wall time from spawn to exit, process start included. */
export function runNode(
  args: readonly string[],
  input?: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ["pipe", "pipe", "inherit"], env });
    let stdout = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ ms: performance.now() - started, stdout, code }));
    child.stdin.end(input ?? "");
  });
}
