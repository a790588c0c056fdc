#!/usr/bin/env node
// Fits the model's two learned parts (src/search/model.ts `rank` and `confidence`) on calibration questions:
//   node eval/run-eval.mjs --features /tmp/f.jsonl && node eval/fit-confidence.mjs /tmp/f.jsonl [--sets a,b]
// rank: a linear function of coverage, score and ln(1 + found mass), fitted so the right entries of each
// answerable question outweigh its other candidates (softmax over its ten first candidates).
// confidence: one example per question: its first entry's coverage, score, found mass, topic agreement and type,
// labelled 1 when the question has an answer and 0 when nothing answers it (noMatch is the decision this
// threshold makes). Programs questions weigh each class the same (their sets are written half near-misses,
// and a near-miss answered misleads); FAQ questions weigh as they come (a city's FAQ covers every topic its
// residents ask, so an answerable question told "no match" is the error that matters there). Only sets whose
// name contains one of --sets are used (default: the *-calibration sets, the older fixtures and the shared
// development sets); a *-validation set never is.
import { readFileSync } from "node:fs";

const [file, ...rest] = process.argv.slice(2);
const patterns = rest.includes("--sets")
  ? rest[rest.indexOf("--sets") + 1].split(",")
  : ["calibration", "eval/", "search/", "shared"];
const all = readFileSync(file, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l))
  .filter((r) => patterns.some((p) => r.set.includes(p)) && !r.set.includes("validation"));
const rows = all.filter((r) => r.rank === 0);
const round = (x) => Math.round(x * 100) / 100;
console.log(
  `rank: { ${fitRank(all)
    .map((v, i) => `${["coverage", "score", "foundMass"][i]}: ${round(v)}`)
    .join(", ")} }`,
);

/** Softmax over each answerable question's candidates: the right ones should take the weight. */
function fitRank(candidates) {
  const byQuestion = new Map();
  for (const r of candidates) {
    const key = `${r.set}\u0000${r.id}`;
    if (!byQuestion.has(key)) byQuestion.set(key, []);
    byQuestion.get(key).push({ x: [r.coverage, r.score, Math.log1p(r.have)], right: r.right });
  }
  const questions = [...byQuestion.values()].filter((c) => c.some((x) => x.right) && c.length > 1);
  let w = [1, 1, 1];
  for (let step = 0; step < 3000; step++) {
    const grad = [0, 0, 0];
    for (const c of questions) {
      const z = c.map((x) => x.x.reduce((s, v, i) => s + v * w[i], 0));
      const top = Math.max(...z);
      const e = z.map((v) => Math.exp(v - top));
      const sum = e.reduce((a, b) => a + b, 0);
      const rightSum = e.reduce((a, v, i) => a + (c[i].right ? v : 0), 0);
      c.forEach((x, i) => {
        const d = e[i] / sum - (x.right ? e[i] / rightSum : 0);
        x.x.forEach((v, k) => (grad[k] += d * v));
      });
    }
    w = w.map((v, k) => v - 0.5 * (grad[k] / questions.length + 0.001 * v));
  }
  return w;
}
const isFaqSet = (set) => rows.some((r) => r.set === set && r.faq);
const faqSets = new Set([...new Set(rows.map((r) => r.set))].filter(isFaqSet));
const examples = rows.map((r) => ({
  x: [r.coverage, r.score, Math.log1p(r.have), r.agreement, r.faq ? 1 : 0],
  y: r.answerable ? 1 : 0,
  faq: faqSets.has(r.set),
}));
const count = (pred) => examples.filter(pred).length;
const faqCount = count((e) => e.faq);
for (const e of examples) e.w = e.faq ? 1 / faqCount : 1 / count((f) => !f.faq && f.y === e.y);
const total = examples.reduce((s, e) => s + e.w, 0);
// Standardised features for the descent, weights turned back into raw units at the end.
const d = examples[0].x.length;
const mean = [...Array(d).keys()].map((i) => examples.reduce((s, e) => s + e.x[i], 0) / examples.length);
const sd = mean.map((m, i) => Math.sqrt(examples.reduce((s, e) => s + (e.x[i] - m) ** 2, 0) / examples.length) || 1);
for (const e of examples) e.z = e.x.map((v, i) => (v - mean[i]) / sd[i]);
let w = new Array(d + 1).fill(0);
for (let step = 0; step < 5000; step++) {
  const grad = new Array(d + 1).fill(0);
  for (const e of examples) {
    const p = 1 / (1 + Math.exp(-(w[0] + e.z.reduce((s, v, i) => s + v * w[i + 1], 0))));
    const r = ((p - e.y) * e.w) / total;
    grad[0] += r;
    e.z.forEach((v, i) => (grad[i + 1] += r * v));
  }
  w = w.map((v, i) => v - 2 * (grad[i] + (i > 0 ? 0.001 * v : 0)));
}
const raw = w.slice(1).map((v, i) => v / sd[i]);
const bias = w[0] - raw.reduce((s, v, i) => s + v * mean[i], 0);
console.log(
  `examples: ${examples.length} (${count((e) => e.y === 1)} answerable, ${faqCount} FAQ), sets: ${[...new Set(rows.map((r) => r.set))].join(", ")}`,
);
const [coverage, score, foundMass, agreement, faq] = raw.map(round);
console.log(
  `confidence: { bias: ${round(bias)}, coverage: ${coverage}, score: ${score}, foundMass: ${foundMass}, agreement: ${agreement}, faq: ${faq} }`,
);
