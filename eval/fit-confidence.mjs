#!/usr/bin/env node
// Fits the confidence's logistic function (src/search/model.ts `confidence`) on calibration questions:
//   node eval/run-eval.mjs --features /tmp/f.jsonl && node eval/fit-confidence.mjs /tmp/f.jsonl [--sets a,b]
// One example per question: its best entry's coverage, score and found mass, labelled 1 when the question
// has an answer and 0 when nothing answers it (noMatch is the decision this threshold makes). Each class
// weighs the same in total. Only sets whose name contains one of --sets are used (default: the
// *-calibration sets and the older fixtures); a *-validation set never is.
import { readFileSync } from "node:fs";

const [file, ...rest] = process.argv.slice(2);
const patterns = rest.includes("--sets")
  ? rest[rest.indexOf("--sets") + 1].split(",")
  : ["calibration", "eval/", "search/"];
const rows = readFileSync(file, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l))
  .filter((r) => r.rank === 0 && patterns.some((p) => r.set.includes(p)) && !r.set.includes("validation"));
const examples = rows.map((r) => ({ x: [r.coverage, r.score, Math.log1p(r.have)], y: r.answerable ? 1 : 0 }));
const positives = examples.filter((e) => e.y === 1).length;
const weightOf = (y) => (y === 1 ? 0.5 / positives : 0.5 / (examples.length - positives));
let w = [0, 0, 0, 0];
for (let step = 0; step < 20000; step++) {
  const grad = [0, 0, 0, 0];
  for (const e of examples) {
    const p = 1 / (1 + Math.exp(-(w[0] + w[1] * e.x[0] + w[2] * e.x[1] + w[3] * e.x[2])));
    const d = (p - e.y) * weightOf(e.y);
    grad[0] += d;
    e.x.forEach((x, i) => (grad[i + 1] += d * x));
  }
  w = w.map((v, i) => v - 0.5 * grad[i]);
}
const round = (x) => Math.round(x * 100) / 100;
console.log(
  `examples: ${examples.length} (${positives} answerable), sets: ${[...new Set(rows.map((r) => r.set))].join(", ")}`,
);
console.log(
  `confidence: { bias: ${round(w[0])}, coverage: ${round(w[1])}, score: ${round(w[2])}, foundMass: ${round(w[3])} }`,
);
