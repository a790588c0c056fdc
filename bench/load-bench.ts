// `npm run bench:load`: the long reliability run — 200 LINE events/s for 60 s, a 2,000-event spike,
// 10,000 fuzzed bodies, a broken reload under load, two replicas behind Redis and a 10-minute soak —
// against the real server on 127.0.0.1 with fake LINE and Slack APIs. Prints the table of figures
// (Markdown) and their raw numbers (JSON, with --json); exits 1 if any requirement was missed.
// --short runs the bounded profile of the CI test; --only=spike,fuzz runs only the steps named so.
// About 15 minutes; `npm run test:reliability` runs the same checks in a bounded form.
import { BENCH_PROFILE, CI_PROFILE, runLoadSuite } from "./load/run-load-suite.js";
import { cpus, loadavg } from "node:os";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const profile = args.includes("--short") ? CI_PROFILE : BENCH_PROFILE;
  const say = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
  const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");
  say(`madoguchi load bench (${profile.name} profile) on ${cpus().length} CPU(s), Node ${process.version}; load average ${load()}`);
  const only = args.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",");
  const result = await runLoadSuite(profile, say, { only });
  const table = result.measurements.table();
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}, Node ${process.version}, load average at the end ${load()}`;
  process.stdout.write(`\n${table}\n\n(${result.seconds.toFixed(0)} s in all on ${machine}${result.keptDir ? `; logs kept in ${result.keptDir}` : ""})\n`);
  if (args.includes("--json")) process.stdout.write(`${JSON.stringify(result.measurements.rows.map((r) => ({ id: r.id, pass: r.pass, ...r.figures })), null, 2)}\n`);
  return result.measurements.allPass ? 0 : 1;
}

main().then((code) => { process.exitCode = code; }, (e: unknown) => {
  process.stderr.write(`bench:load failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 2;
});
