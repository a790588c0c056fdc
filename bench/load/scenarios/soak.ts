// The soak: LINE events and API requests at a steady, realistic rate for a long time (30 minutes in the
// bench, seconds in CI; `--soak-seconds=N` for another length), against a server process of its own, with
// its resident memory sampled every few seconds. Growth is measured from the end of the warm-up (the first
// sixth — the first 5 minutes of 30: caches fill, the heap finds its size) to the end, with the trend in
// MiB per minute; what is kept on purpose is bounded by time (sessions: 30 minutes idle; LINE event ids:
// 24 hours), so a steady rate must level off. With heap snapshots on (the bench), a snapshot at the end of
// the warm-up and one at the end are compared by constructor, to show nothing accumulates.
import { awaitAnswers, driveLine } from "../line-load.js";
import { startWebLoad } from "../web-load.js";
import type { ServerProcess } from "../server-process.js";
import type { LineTarget } from "../line-webhooks.js";
import { mib } from "../stats.js";
import { join } from "node:path";
import { mkdir } from "node:fs/promises";
import { compareHeaps, heapSnapshotEnv, takeHeapSummary, type HeapSummary } from "../heap-snapshots.js";
import { count, sleep, type ScenarioContext } from "./context.js";
import { describeSample, sampleMemory, type MemorySample, type MemorySampler } from "../memory-sampler.js";

export async function soak(ctx: ScenarioContext): Promise<void> {
  const { rig, profile } = ctx;
  const seconds = profile.soakSeconds;
  const snapshotDir = join(rig.dir, "heap");
  await mkdir(snapshotDir, { recursive: true });
  const env = { ...profile.soakServerEnv, ...(profile.soakHeapSnapshots ? heapSnapshotEnv(snapshotDir) : {}) };
  const server = await rig.startServer("soak", env, undefined, profile.soakNodeArgs);
  const line = rig.lineTarget(server);
  ctx.say(
    `soak: ${profile.soakLineRate} LINE events/s and ${profile.soakWebRate} API requests/s for ${seconds} s on a server of its own …`,
  );
  const memory = sampleMemory(server, rig.client, Math.min(5_000, seconds * 50));
  const warmUpSeconds = seconds / 6;
  const phase = (length: number, run: string) => runPhase(ctx, server, line, length, run, memory);
  // The load pauses while V8 writes a snapshot (the process stops for seconds): the snapshot must not cost answers.
  const first = await phase(warmUpSeconds, "w0");
  const heapA = profile.soakHeapSnapshots ? await takeHeapSummary(server.pid, snapshotDir) : undefined;
  // The server stood still while writing: let it close the keep-alive connections that went idle meanwhile
  // (5 s) before the load comes back, so none is reused just as it closes.
  if (heapA) await sleep(6_000);
  // Growth is counted from the end of the warm-up — with a snapshot, from a minute later: writing it takes
  // the process's allocator a few hundred MiB, which it gives back over the next minute (seen in the
  // breakdown's malloc [heap]); the soak is about what the server keeps, not what the bench's tool took.
  const baseAt = memory.elapsed() + (heapA ? Math.min(60, (seconds - warmUpSeconds) / 5) : 0);
  const second = await phase(seconds - warmUpSeconds, "w1");
  const samples = await memory.stop();
  const heapB = profile.soakHeapSnapshots ? await takeHeapSummary(server.pid, snapshotDir) : undefined;
  await server.stop();
  const drive = { sent: first.drive.sent + second.drive.sent, notAcked: first.drive.notAcked + second.drive.notAcked };
  const missing = first.missing + second.missing;
  const webResult = { statuses: [...first.web.statuses, ...second.web.statuses] };
  const heaps = [heapA, heapB];
  const warm = samples.filter((s) => s.t >= baseAt);
  const start = samples[0]!;
  const base = warm[0] ?? start;
  const end = samples.at(-1)!;
  const peak = Math.max(...samples.map((s) => s.rss));
  const slope = trendPerMinute(warm);
  const webFailed = count(webResult.statuses, (s) => s !== 200);
  ctx.out.add({
    id: "soak",
    check: `memory over a ${seconds >= 120 ? `${Math.round(seconds / 60)}-minute` : `${seconds}-second`} soak (${profile.soakLineRate} LINE events/s + ${profile.soakWebRate} API requests/s)`,
    target: `growth after warm-up < ${mib(profile.soakGrowthLimitBytes)}; 0 failed`,
    result: `rss ${mib(start.rss)} at start, ${mib(base.rss)} after warm-up (at ${base.t.toFixed(0)} s), ${mib(end.rss)} at end (peak ${mib(peak)}): growth ${mib(end.rss - base.rss)}, trend ${slope.toFixed(2)} MiB/min; ${drive.sent} events (${drive.notAcked} not acknowledged, ${missing} unanswered), ${webResult.statuses.length} API requests (${webFailed} failed)`,
    pass: end.rss - base.rss < profile.soakGrowthLimitBytes && missing === 0 && webFailed === 0 && drive.notAcked === 0,
    figures: {
      seconds,
      startRss: start.rss,
      baseRss: base.rss,
      endRss: end.rss,
      peakRss: peak,
      growthBytes: end.rss - base.rss,
      trendMiBPerMin: Math.round(slope * 100) / 100,
      events: drive.sent,
      lost: missing,
      apiRequests: webResult.statuses.length,
      apiFailed: webFailed,
    },
  });
  memoryRow(ctx, base, end);
  if (profile.soakHeapSnapshots) heapRow(ctx, heaps[0], heaps[1]);
}

/** Where the memory is, at the end of the warm-up and at the end: the kernel's RSS beside the process's own account. */
function memoryRow(ctx: ScenarioContext, base: MemorySample, end: MemorySample): void {
  const kinds = ["rss", "rssAnon", "mallocHeap", "heapTotal", "heapUsed", "external", "arrayBuffers"] as const;
  const delta = (k: (typeof kinds)[number]) => {
    const d = end[k] - base[k];
    return `${d >= 0 ? "+" : ""}${mib(d)}`;
  };
  const figures: Record<string, number> = { threadsWarm: base.threads, threadsEnd: end.threads };
  for (const k of kinds) {
    figures[`${k}Warm`] = base[k];
    figures[`${k}End`] = end[k];
  }
  ctx.out.add({
    id: "soak-memory",
    check: "memory breakdown: end of warm-up → end of soak (kernel RSS; the server's process.memoryUsage())",
    target: "what grows is named",
    result:
      kinds.map((k) => `${k} ${mib(base[k])} → ${mib(end[k])} (${delta(k)})`).join("; ") +
      `; threads ${base.threads} → ${end.threads}`,
    pass: true,
    figures,
  });
}

function heapRow(ctx: ScenarioContext, a: HeapSummary | undefined, b: HeapSummary | undefined): void {
  if (!a || !b) {
    ctx.out.add({
      id: "soak-heap",
      check: "heap snapshots: end of warm-up vs end of soak",
      target: "nothing accumulates",
      result: "a snapshot was not written in time",
      pass: false,
      figures: {},
    });
    return;
  }
  const growth = compareHeaps(a, b);
  const top = growth.top
    .filter((t) => t.bytesDelta > 0)
    .slice(0, 5)
    .map((t) => `${t.kind || "?"} ${t.countDelta >= 0 ? "+" : ""}${t.countDelta} objects / ${kib(t.bytesDelta)}`)
    .join("; ");
  ctx.out.add({
    id: "soak-heap",
    check: "heap snapshots: end of warm-up vs end of soak (self size by constructor)",
    target: `heap growth < ${mib(ctx.profile.soakGrowthLimitBytes)}; no kind growing with the events served`,
    result: `heap ${mib(a.totalBytes)} → ${mib(b.totalBytes)} (${growth.totalBytes >= 0 ? "+" : ""}${mib(growth.totalBytes)}); most grown: ${top || "none"}`,
    pass: growth.totalBytes < ctx.profile.soakGrowthLimitBytes,
    figures: {
      heapStart: a.totalBytes,
      heapEnd: b.totalBytes,
      heapGrowthBytes: growth.totalBytes,
      topKind: growth.top[0]?.kind ?? "",
      topKindBytes: growth.top[0]?.bytesDelta ?? 0,
    },
  });
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}

/** LINE events and page traffic for `seconds`, then waits until the events are answered. */
async function runPhase(
  ctx: ScenarioContext,
  server: ServerProcess,
  line: LineTarget,
  seconds: number,
  run: string,
  memory: MemorySampler,
) {
  const { rig, profile } = ctx;
  const web = startWebLoad(rig.client, server.url, profile.soakWebRate, { chatEvery: 3 });
  const drive = await driveLine({
    target: line,
    client: rig.client,
    rate: profile.soakLineRate,
    seconds,
    users: 4_000,
    run,
    onSecond: (s) => {
      const m = memory.latest();
      if (s % 60 === 0 && m) ctx.say(`  ${run} ${s / 60} min: ${describeSample(m)}`);
    },
  });
  const webResult = await web.stop();
  const { missing } = await awaitAnswers(line, drive.eventIds, 30_000);
  return { drive, web: webResult, missing };
}

/** Least-squares slope of rss over time, in MiB per minute. */
function trendPerMinute(samples: readonly { t: number; rss: number }[]): number {
  if (samples.length < 2) return 0;
  const n = samples.length;
  const mt = samples.reduce((a, s) => a + s.t, 0) / n;
  const mr = samples.reduce((a, s) => a + s.rss, 0) / n;
  const cov = samples.reduce((a, s) => a + (s.t - mt) * (s.rss - mr), 0);
  const v = samples.reduce((a, s) => a + (s.t - mt) ** 2, 0);
  return v === 0 ? 0 : ((cov / v) * 60) / 1024 / 1024;
}
