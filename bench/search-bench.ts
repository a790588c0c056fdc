// `npm run bench`: what the search costs (docs/search.md records the figures).
//   1. kuromoji's own start-up (process start → tokenizer ready, its stock loader), fresh processes;
//   2. ours: `madoguchi search --json QUESTION` from process start to the answer, fresh processes;
//   3. query latency p50/p99 over ≥ 1,000 questions and memory, at the real knowledge size;
//   4. a 1,800-entry FAQ CSV directory answering 750 questions with `search --json --batch`;
//   5. the same at 260,000 synthetic entries (1,734 municipalities × 150 programs), in a child process.
// Options: --runs N (fresh processes per start-up figure, default 5), --municipalities N / --each N (size
// of the synthetic run), --skip-synthetic.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { SearchIndex } from "../src/search/search-index.js";
import { openSearch } from "../src/search/open-search.js";
import { latencies, mb, median, runNode } from "./bench-stats.js";
import { faqCsv, generateFaqQuestions, generateFaqRows } from "./faq-fixture.js";
import { syntheticKnowledge } from "./synthetic-knowledge.js";
import { PACKAGE_ROOT } from "../src/config/package-root.js";

const ROOT = PACKAGE_ROOT;
const CLI = join(ROOT, "dist", "cli", "main.js");
const SELF = fileURLToPath(import.meta.url);
const KNOWLEDGE = join(ROOT, "knowledge");

interface Question {
  q: string;
  municipality: string | null;
}

/** The repository's held-out questions (test/fixtures/search), the bench's query mix. */
function benchQuestions(): Question[] {
  return ["heldout-questions.jsonl", "heldout-questions-2.jsonl"].flatMap((f) =>
    readFileSync(join(ROOT, "test", "fixtures", "search", f), "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Question),
  );
}

async function buildReal(): Promise<{ index: SearchIndex; buildMs: number }> {
  return openSearch({ knowledgeDir: KNOWLEDGE, fallbackSynonyms: null });
}

function timeQueries(index: SearchIndex, questions: readonly Question[], count: number, scope: (q: Question, i: number) => string | null) {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const q = questions[i % questions.length]!;
    const started = performance.now();
    index.search(q.q, { municipality: scope(q, i), top: 5 });
    samples.push(performance.now() - started);
  }
  return latencies(samples);
}

async function startUps(runs: number) {
  const kuromoji = [];
  const ours = [];
  for (let i = 0; i < runs; i++) {
    kuromoji.push(JSON.parse((await runNode([SELF, "--child", "kuromoji"])).stdout) as { ms: number; rssMb: number });
    ours.push((await runNode([CLI, "search", "--json", "不妊治療の助成はありますか"])).ms);
  }
  const kuromojiMs = median(kuromoji.map((k) => k.ms));
  const oursMs = median(ours);
  return { kuromojiMs, kuromojiRssMb: median(kuromoji.map((k) => k.rssMb)), oursMs, ratio: oursMs / kuromojiMs };
}

async function faqBatch() {
  const dir = await mkdtemp(join(tmpdir(), "madoguchi-bench-faq-"));
  try {
    const rows = generateFaqRows(1800);
    await writeFile(join(dir, "faq.csv"), faqCsv(rows));
    const input = `${generateFaqQuestions(rows, 750).map((q) => JSON.stringify({ q: q.q, municipality: null })).join("\n")}\n`;
    const run = await runNode([CLI, "search", "--json", "--batch", "--knowledge", dir], input);
    return { ms: run.ms, answered: run.stdout.trim().split("\n").length, exit: run.code };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Child: stock kuromoji, timed from process start (performance.now() counts from it). */
async function childKuromoji(): Promise<void> {
  const { createRequire } = await import("node:module");
  const kuromoji = createRequire(import.meta.url)("kuromoji") as typeof import("kuromoji");
  const dicPath = join(ROOT, "node_modules", "kuromoji", "dict");
  kuromoji.builder({ dicPath }).build((err) => {
    if (err) throw err;
    process.stdout.write(JSON.stringify({ ms: performance.now(), rssMb: mb(process.memoryUsage().rss) }));
  });
}

/** Child: the synthetic country-sized index; progress on stderr, figures as JSON on stdout. */
async function childSynthetic(municipalities: number, each: number): Promise<void> {
  const started = performance.now();
  let reported = 0;
  let names: string[] = [];
  const { index, buildMs } = await openSearch({
    knowledgeDir: KNOWLEDGE,
    fallbackSynonyms: null,
    source: (knowledge) => {
      const source = syntheticKnowledge(knowledge.programs, municipalities, each);
      names = source.municipalities.map((m) => m.name);
      return source;
    },
    build: {
      onProgress: (done, total, phase) => {
        if (done - reported < 20000 && done < total) return;
        reported = done >= total ? 0 : done;
        process.stderr.write(`  synthetic: ${done}/${total} entries ${phase} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
      },
    },
  });
  global.gc?.();
  const memory = process.memoryUsage();
  const questions = benchQuestions();
  const scoped = timeQueries(index, questions, 1000, (_q, i) => names[(i * 7919) % names.length]!);
  const unscoped = timeQueries(index, questions, 30, () => null);
  process.stdout.write(JSON.stringify({ entries: index.size, buildMs, heapMb: mb(memory.heapUsed), rssMb: mb(memory.rss), scoped, unscoped }));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { child: { type: "string" }, runs: { type: "string" }, municipalities: { type: "string" }, each: { type: "string" }, "skip-synthetic": { type: "boolean" } } });
  const municipalities = Number(values.municipalities ?? 1734);
  const each = Number(values.each ?? 150);
  if (values.child === "kuromoji") return childKuromoji();
  if (values.child === "synthetic") return childSynthetic(municipalities, each);

  const line = (s: string) => process.stdout.write(`${s}\n`);
  line(`search bench (load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}; figures in ms)`);
  const s = await startUps(Number(values.runs ?? 5));
  line(`start-up, process start → first answer: ours ${s.oursMs.toFixed(0)} | kuromoji's own load alone ${s.kuromojiMs.toFixed(0)} (RSS ${s.kuromojiRssMb} MB) | ratio ${s.ratio.toFixed(2)}`);

  const { index, buildMs } = await buildReal();
  const questions = benchQuestions();
  const scoped = timeQueries(index, questions, 1200, (q) => q.municipality);
  const unscoped = timeQueries(index, questions, 1200, () => null);
  const memory = process.memoryUsage();
  line(`real size (${index.size} entries): build ${buildMs.toFixed(0)}; query p50 ${scoped.p50.toFixed(3)} p99 ${scoped.p99.toFixed(3)} max ${scoped.max.toFixed(2)} over ${scoped.n} (as scoped in the questions); unscoped p50 ${unscoped.p50.toFixed(3)} p99 ${unscoped.p99.toFixed(3)}; heap ${mb(memory.heapUsed)} MB, RSS ${mb(memory.rss)} MB`);

  const faq = await faqBatch();
  line(`FAQ CSV of 1,800 entries, 750 questions, search --json --batch: wall ${faq.ms.toFixed(0)} (process start included), ${faq.answered} answers, exit ${faq.exit}`);

  if (values["skip-synthetic"]) return;
  line(`synthetic ${municipalities} municipalities × ${each} programs: building (progress below)…`);
  const child = await runNode(["--max-old-space-size=12000", "--expose-gc", SELF, "--child", "synthetic", "--municipalities", String(municipalities), "--each", String(each)]);
  const r = JSON.parse(child.stdout) as { entries: number; buildMs: number; heapMb: number; rssMb: number; scoped: ReturnType<typeof latencies>; unscoped: ReturnType<typeof latencies> };
  line(`synthetic (${r.entries} entries): build ${(r.buildMs / 1000).toFixed(1)} s; heap ${r.heapMb} MB, RSS ${r.rssMb} MB; scoped to one municipality: query p50 ${r.scoped.p50.toFixed(3)} p99 ${r.scoped.p99.toFixed(3)} over ${r.scoped.n}; whole country: p50 ${r.unscoped.p50.toFixed(0)} p99 ${r.unscoped.p99.toFixed(0)} over ${r.unscoped.n}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`search bench: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
