// What every scenario gets: the rig (fakes, secrets, client), the main server and how to reach it, the
// profile (long bench or bounded CI run) and the table to add its rows to.
import type { Rig } from "../rig.js";
import type { ServerProcess } from "../server-process.js";
import type { LineTarget } from "../line-webhooks.js";
import type { SlackTarget } from "../../../test/fakes/slack-requests.js";
import type { Measurements } from "../measurements.js";

export interface LoadProfile {
  name: "bench" | "ci";
  /** LINE events per second, and for how long (the issue: 200/s for 60 s; CI: shorter). */
  sustainedRate: number;
  sustainedSeconds: number;
  /** Events sent within one second. */
  spikeEvents: number;
  fuzzBodies: number;
  /** The soak: how long, and at what LINE / web rate. */
  soakSeconds: number;
  soakLineRate: number;
  soakWebRate: number;
  /** Heap snapshots at the end of the warm-up and at the end of the soak, compared (the bench; slow). */
  soakHeapSnapshots: boolean;
  /** Added to the soak server's environment and node flags (to compare variants: an allocator setting, Redis). */
  soakServerEnv?: Record<string, string>;
  soakNodeArgs?: string[];
  /** Largest RSS growth from the end of the warm-up to the end of the soak that passes (bytes). */
  soakGrowthLimitBytes: number;
  /** How long the reload-under-load scenario keeps the load on. */
  reloadSeconds: number;
  /** Run the two-replica scenario against a real redis-server (skipped with a note when absent). */
  redisServer: string | undefined;
}

export interface ScenarioContext {
  rig: Rig;
  server: ServerProcess;
  line: LineTarget;
  slack: SlackTarget;
  profile: LoadProfile;
  out: Measurements;
  say: (line: string) => void;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function count<T>(items: readonly T[], test: (item: T) => boolean): number {
  let n = 0;
  for (const item of items) if (test(item)) n++;
  return n;
}

/** The server answers /healthz with 200 (it is up and serving). */
export async function healthy(ctx: ScenarioContext): Promise<boolean> {
  const r = await ctx.rig.client.send(`${ctx.server.url}/healthz`);
  return r.status === 200 && ctx.server.alive;
}
