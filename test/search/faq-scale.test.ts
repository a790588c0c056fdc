// A directory holding only a municipal FAQ CSV of 1,800 entries loads with --knowledge DIR, and a batch of
// 750 residents' questions is answered line for line. The fixture is generated (deterministic) into a
// temporary directory. Speed is measured by `npm run bench` (the same scenario, process start included);
// this test checks that the scale works and the answers are sensible.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/run.js";
import { faqCsv, generateFaqQuestions, generateFaqRows, type FaqQuestion } from "../fixtures/search/generate-faq.js";

let dir: string;
let questions: FaqQuestion[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "madoguchi-faq-"));
  const rows = generateFaqRows(1800);
  questions = generateFaqQuestions(rows, 750);
  await writeFile(join(dir, "faq.csv"), faqCsv(rows));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("an FAQ-only knowledge directory at scale", () => {
  it("the fixture is deterministic and the size of a real city's FAQ", () => {
    expect(faqCsv(generateFaqRows(1800))).toBe(faqCsv(generateFaqRows(1800)));
    expect(new Set(generateFaqRows(1800).map((r) => r.question)).size).toBe(1800);
    expect(questions.filter((q) => q.expect.length === 0).length).toBe(75);
  });

  it("answers 750 questions in order, most of them with the right entry", { timeout: 120_000 }, async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let out = "";
    stdout.on("data", (c: Buffer) => (out += c.toString()));
    stdin.end(`${questions.map((q) => JSON.stringify({ q: q.q, municipality: null })).join("\n")}\n`);
    const started = performance.now();
    const code = await main(["search", "--json", "--batch", "--knowledge", dir], {
      stdin,
      stdout,
      stderr: new PassThrough(),
      env: {},
    });
    const ms = performance.now() - started;
    const answers = out
      .trim()
      .split("\n")
      .map(
        (l) =>
          JSON.parse(l) as { q: string; noMatch: boolean; results: { type: string; id: string; municipality: null }[] },
      );

    expect(code).toBe(0);
    expect(answers.map((a) => a.q)).toEqual(questions.map((q) => q.q));
    const inScope = questions.flatMap((q, i) => (q.expect.length > 0 ? [{ q, a: answers[i]! }] : []));
    const hit3 =
      inScope.filter(({ q, a }) => a.results.slice(0, 3).some((r) => q.expect.includes(r.id))).length / inScope.length;
    const outScope = questions.flatMap((q, i) => (q.expect.length === 0 ? [answers[i]!] : []));
    const noMatchRight = outScope.filter((a) => a.noMatch).length / outScope.length;
    expect(answers.every((a) => a.results.every((r) => r.type === "faq" && r.municipality === null))).toBe(true);
    expect(hit3).toBeGreaterThanOrEqual(0.8);
    expect(noMatchRight).toBeGreaterThanOrEqual(0.7);
    console.log(
      `FAQ batch: 1,800 entries, 750 questions in ${ms.toFixed(0)} ms in-process; hit@3 ${hit3.toFixed(3)}, out-of-scope noMatch ${noMatchRight.toFixed(3)}`,
    );
  });
});
