// The whole reliability run, shared by `npm run bench:load` (long profile) and `npm run test:reliability`
// (bounded profile): the real server in its own process, fed by fake LINE and Slack APIs on 127.0.0.1,
// every check of ../shared/guides/platform-limits.md measured into one table. Every scenario is bounded
// in count and time; the run stops by itself and removes what it created.
import { Rig } from "./rig.js";
import { Measurements } from "./measurements.js";
import type { LoadProfile, ScenarioContext } from "./scenarios/context.js";
import { forgedRequests } from "./scenarios/forged-requests.js";
import { duplicates } from "./scenarios/duplicates.js";
import { failingEventInBatch, malformedBodies, oversizedBodies } from "./scenarios/bad-input.js";
import { rateLimits } from "./scenarios/rate-limits.js";
import { spikeLoad, sustainedLoad } from "./scenarios/ack-latency.js";
import { brokenKnowledgeAtStart, brokenReloadUnderLoad } from "./scenarios/knowledge-faults.js";
import { fuzzBodies } from "./scenarios/fuzz.js";
import { scanLogs, seedPersonalData } from "./scenarios/privacy.js";
import { soak } from "./scenarios/soak.js";
import { replicas } from "./scenarios/replicas.js";
import { redisAvailable } from "./redis-process.js";
import { runFaults } from "./faults/run-faults.js";
import { BENCH_FAULTS, type FaultProfile } from "./faults/fault-profile.js";

export const BENCH_PROFILE: LoadProfile = {
  name: "bench",
  sustainedRate: 200,
  sustainedSeconds: 60,
  spikeEvents: 2_000,
  fuzzBodies: 10_000,
  soakSeconds: 1_800,
  soakLineRate: 50,
  soakWebRate: 20,
  soakHeapSnapshots: true,
  soakGrowthLimitBytes: 64 * 1024 * 1024,
  reloadSeconds: 30,
  redisServer: "redis-server",
};

export const CI_PROFILE: LoadProfile = {
  name: "ci",
  sustainedRate: 200,
  sustainedSeconds: 10,
  spikeEvents: 2_000,
  fuzzBodies: 10_000,
  // 20 s is no soak: the heap is still finding its size, so only a gross leak fails it.
  soakSeconds: 20,
  soakLineRate: 50,
  soakWebRate: 20,
  soakHeapSnapshots: false,
  soakGrowthLimitBytes: 256 * 1024 * 1024,
  reloadSeconds: 10,
  redisServer: "redis-server",
};

export interface SuiteResult {
  measurements: Measurements;
  seconds: number;
  /** Where the logs were, when kept (a failed run keeps them to look at). */
  keptDir?: string;
}

export interface SuiteOptions {
  /** Run only the steps whose names contain one of these words (e.g. ["spike", "fuzz", "replicas", "faults"]). */
  only?: string[];
  /** The fault table's sizes (default: the bench's; test/reliability/faults.test.ts runs its own, bounded). */
  faults?: FaultProfile;
}

const STEPS: [string, (c: ScenarioContext) => Promise<unknown>][] = [
  ["forged requests", forgedRequests],
  ["duplicates", duplicates],
  ["failing event in a batch", failingEventInBatch],
  ["malformed bodies", malformedBodies],
  ["oversized bodies", oversizedBodies],
  ["rate limits", rateLimits],
  ["personal data", seedPersonalData],
  ["sustained load", sustainedLoad],
  ["spike", spikeLoad],
  ["reload under load", brokenReloadUnderLoad],
  ["fuzz", fuzzBodies],
  ["soak", soak],
  ["schema error at start-up", brokenKnowledgeAtStart],
];

export async function runLoadSuite(
  profile: LoadProfile,
  say: (line: string) => void = () => undefined,
  options: SuiteOptions = {},
): Promise<SuiteResult> {
  const wanted = (name: string) => !options.only || options.only.some((w) => name.includes(w));
  const started = Date.now();
  const out = new Measurements();
  const rig = await Rig.create();
  let ok = false;
  try {
    const server = await rig.startServer("server");
    say(
      `server ${server.url} (pid ${server.pid}), fake LINE ${rig.line.baseUrl}, fake Slack ${rig.slack.origin}; logs in ${rig.dir}`,
    );
    const ctx: ScenarioContext = {
      rig,
      server,
      line: rig.lineTarget(server),
      slack: rig.slackTarget(server),
      profile,
      out,
      say,
    };
    for (const [name, step] of STEPS.filter(([name]) => wanted(name))) {
      say(`— ${name}`);
      await step(ctx);
    }
    const extraSecrets = wanted("replicas behind Redis") ? await replicasIfRedis(ctx) : [];
    // The CI profile leaves the faults to their own test (test/reliability/faults.test.ts), bounded.
    if (options.faults !== undefined || (profile.name === "bench" && wanted("faults"))) {
      say("— faults (kill -9, LINE down, Redis restarted, disk full)");
      await runFaults(ctx, options.faults ?? BENCH_FAULTS);
    }
    payloadLimits(ctx);
    await processOutcome(ctx);
    await scanLogs(ctx, extraSecrets);
    ok = out.allPass;
  } finally {
    await rig.close(!ok);
  }
  return { measurements: out, seconds: (Date.now() - started) / 1000, ...(ok ? {} : { keptDir: rig.dir }) };
}

/** The replica rows against a real redis-server; a failing row that says so when there is none. Returns the Redis password (a secret the logs must not hold). */
async function replicasIfRedis(ctx: ScenarioContext): Promise<string[]> {
  if (ctx.profile.redisServer && (await redisAvailable(ctx.profile.redisServer))) {
    ctx.say("— replicas behind Redis");
    return replicas(ctx);
  }
  ctx.out.add({
    id: "replicas-dedupe",
    check: "two replicas behind one Redis",
    target: "answered exactly once",
    result: "not run: redis-server is not installed (apt-get install redis-server)",
    pass: false,
    figures: {},
  });
  return [];
}

/** Stops the main server gracefully: it must have lived through everything and exit 0. */
async function processOutcome(ctx: ScenarioContext): Promise<void> {
  const alive = ctx.server.alive;
  const code = await ctx.server.stop();
  ctx.out.add({
    id: "process",
    check: "server process over the whole run",
    target: "never crashed; graceful stop exits 0",
    result: `${alive ? "alive to the end" : "DIED during the run"}; SIGTERM → exit code ${code}`,
    pass: alive && code === 0,
    figures: { alive, exitCode: code ?? -1 },
  });
}

function payloadLimits(ctx: ScenarioContext): void {
  const { line, slack } = ctx.rig;
  // A limit breach is a payload Slack would refuse for its size or shape; other refusals (an argument
  // missing) are reported beside it, named, so they are seen without being counted as a breach.
  const breaches = slack.rejected.filter((r) => r.error === "invalid_blocks" || r.error.startsWith("msg_too_long"));
  const others = slack.rejected.filter((r) => !breaches.includes(r) && r.problems[0] !== "injected failure");
  const named = others.map((r) => `Slack ${r.method}: ${r.error}`).join(", ");
  const invalid = line.invalidPayloads + breaches.length;
  ctx.out.add({
    id: "payload-limits",
    check: "every outgoing LINE and Slack payload",
    target: "within the limits",
    result: `${line.calls} LINE API calls (${line.answers.size} answers), ${slack.calls.length} Slack API calls: ${invalid} over a limit${named ? `; other refusals: ${named}` : ""}`,
    pass: invalid === 0 && line.calls > 0,
    figures: {
      lineCalls: line.calls,
      slackCalls: slack.calls.length,
      invalid,
      otherRefusals: others.length,
    },
  });
}
