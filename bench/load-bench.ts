// `npm run bench:load`: the long reliability run — 200 LINE events/s for 60 s, a 2,000-event spike,
// 10,000 fuzzed bodies, a broken reload under load, two replicas behind Redis, a 10-minute soak and the
// fault table (kill -9 of the only process / of one of two replicas during a spike, LINE API down 60 s,
// Redis restarted, the journal's disk full) —
// against the real server on 127.0.0.1 with fake LINE and Slack APIs. Prints the table of figures
// (Markdown) and their raw numbers (JSON, with --json); exits 1 if any requirement was missed.
// --short runs the bounded profile of the CI test; --only=spike,fuzz runs only the steps named so;
// --soak-seconds=N shortens the 30-minute soak, --no-heap-snapshots leaves out its heap comparison. About 50 minutes in all; `npm run test:reliability` runs the same checks in a bounded form.
import { BENCH_PROFILE, CI_PROFILE, runLoadSuite } from "./load/run-load-suite.js";
import { cpus, loadavg } from "node:os";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const base = args.includes("--short") ? CI_PROFILE : BENCH_PROFILE;
  // --soak-seconds=120: a shorter soak than the profile's (30 minutes in the bench), reported as such.
  const soakSeconds = Number(
    args.find((a) => a.startsWith("--soak-seconds="))?.slice("--soak-seconds=".length) ?? base.soakSeconds,
  );
  const profile = {
    ...base,
    soakSeconds: Number.isFinite(soakSeconds) && soakSeconds > 0 ? soakSeconds : base.soakSeconds,
    // --no-heap-snapshots: RSS alone (writing a snapshot costs the process hundreds of MiB of RSS itself).
    soakHeapSnapshots: base.soakHeapSnapshots && !args.includes("--no-heap-snapshots"),
  };
  const say = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(" ");
  say(
    `madoguchi load bench (${profile.name} profile) on ${cpus().length} CPU(s), Node ${process.version}; load average ${load()}`,
  );
  const only = args
    .find((a) => a.startsWith("--only="))
    ?.slice("--only=".length)
    .split(",");
  const result = await runLoadSuite(profile, say, { only });
  const table = result.measurements.table();
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}, Node ${process.version}, load average at the end ${load()}`;
  process.stdout.write(
    `\n${table}\n\n(${result.seconds.toFixed(0)} s in all on ${machine}${result.keptDir ? `; logs kept in ${result.keptDir}` : ""})\n`,
  );
  if (args.includes("--json"))
    process.stdout.write(
      `${JSON.stringify(
        result.measurements.rows.map((r) => ({ id: r.id, pass: r.pass, ...r.figures })),
        null,
        2,
      )}\n`,
    );
  return result.measurements.allPass ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`bench:load failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
