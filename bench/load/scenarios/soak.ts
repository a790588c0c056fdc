// The soak: LINE events and API requests at a steady, realistic rate for a long time (10 minutes in the
// bench, seconds in CI), with the server's resident memory sampled every few seconds. Growth is measured
// from the end of the warm-up (the first tenth: caches fill, the heap finds its size) to the end, with
// the trend in MiB per minute; what is kept on purpose is bounded by time (sessions: 30 minutes idle;
// LINE event ids: 24 hours), so a steady rate must level off.
import { awaitAnswers, driveLine } from "../line-load.js";
import { startWebLoad } from "../web-load.js";
import type { ServerProcess } from "../server-process.js";
import { mib } from "../stats.js";
import { count, type ScenarioContext } from "./context.js";

export async function soak(ctx: ScenarioContext): Promise<void> {
  const { rig, server, profile } = ctx;
  const seconds = profile.soakSeconds;
  ctx.say(`soak: ${profile.soakLineRate} LINE events/s and ${profile.soakWebRate} API requests/s for ${seconds} s …`);
  const memory = sampleMemory(server, Math.min(5_000, seconds * 50));
  const web = startWebLoad(rig.client, server.url, profile.soakWebRate, { chatEvery: 3 });
  const drive = await driveLine({
    target: ctx.line, client: rig.client, rate: profile.soakLineRate, seconds, users: 4_000, run: "w0",
    onSecond: (s) => { if (s % 60 === 0) ctx.say(`  ${s / 60} min: rss ${mib(server.rssBytes() ?? 0)}`); },
  });
  const [samples, webResult] = await Promise.all([memory.stop(), web.stop()]);
  const { missing } = await awaitAnswers(ctx.line, drive.eventIds, 30_000);
  const warm = samples.filter((s) => s.t >= seconds * 0.1);
  const start = samples[0]!;
  const base = warm[0] ?? start;
  const end = samples.at(-1)!;
  const peak = Math.max(...samples.map((s) => s.rss));
  const slope = trendPerMinute(warm);
  const webFailed = count(webResult.statuses, (s) => s !== 200);
  ctx.out.add({
    id: "soak", check: `memory over a ${seconds >= 120 ? `${Math.round(seconds / 60)}-minute` : `${seconds}-second`} soak (${profile.soakLineRate} LINE events/s + ${profile.soakWebRate} API requests/s)`,
    target: `growth after warm-up < ${mib(profile.soakGrowthLimitBytes)}; 0 failed`,
    result: `rss ${mib(start.rss)} at start, ${mib(base.rss)} after warm-up, ${mib(end.rss)} at end (peak ${mib(peak)}): growth ${mib(end.rss - base.rss)}, trend ${slope.toFixed(2)} MiB/min; ${drive.sent} events (${missing} lost), ${webResult.statuses.length} API requests (${webFailed} failed)`,
    pass: end.rss - base.rss < profile.soakGrowthLimitBytes && missing === 0 && webFailed === 0 && drive.notAcked === 0,
    figures: { seconds, startRss: start.rss, baseRss: base.rss, endRss: end.rss, peakRss: peak, growthBytes: end.rss - base.rss, trendMiBPerMin: Math.round(slope * 100) / 100, events: drive.sent, lost: missing, apiRequests: webResult.statuses.length, apiFailed: webFailed },
  });
}

/** The server's resident memory every `everyMs` until stopped. */
function sampleMemory(server: ServerProcess, everyMs: number): { stop(): Promise<{ t: number; rss: number }[]> } {
  const samples: { t: number; rss: number }[] = [];
  const started = Date.now();
  const take = () => {
    const rss = server.rssBytes();
    if (rss !== undefined) samples.push({ t: (Date.now() - started) / 1000, rss });
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

/** Least-squares slope of rss over time, in MiB per minute. */
function trendPerMinute(samples: readonly { t: number; rss: number }[]): number {
  if (samples.length < 2) return 0;
  const n = samples.length;
  const mt = samples.reduce((a, s) => a + s.t, 0) / n;
  const mr = samples.reduce((a, s) => a + s.rss, 0) / n;
  const cov = samples.reduce((a, s) => a + (s.t - mt) * (s.rss - mr), 0);
  const v = samples.reduce((a, s) => a + (s.t - mt) ** 2, 0);
  return v === 0 ? 0 : (cov / v) * 60 / 1024 / 1024;
}
