#!/usr/bin/env node
// npm run eval: every question set the project has, scored in one run against the built search (dist/).
//   programs sets  {"id","q","municipality","expect":[[municipality, name], ...]}   expect [] = nothing fits
//   FAQ sets       a directory with faq.csv + queries.jsonl {"id","q","relevant":[FAQ ids]}
// Project sets live under test/fixtures/; ../shared/eval sets are added when that directory exists (a
// user's clone has none). Prints hit@1/3/5/10, answerable questions answered "no match", and how many
// questions nothing answers got "no match".
//   node eval/run-eval.mjs [--verbose] [--only NAME] [--features FILE] [--no-sudachi] [--no-curated]
//                          [--programs FILE]... [--faq DIR]...   (more sets: a questions file, an FAQ directory)
//                          [--kana]   (every set again, its questions typed in hiragana: "kana: <set>")
// "rank@1/5" is the ranking alone: where the right entry is among every candidate, before confidence.
//   (--features: JSON lines for eval/fit-confidence.mjs)
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdtempSync, copyFileSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (k) => {
  const i = args.indexOf(`--${k}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const verbose = args.includes("--verbose");
const kana = args.includes("--kana");
const repeated = (k) => args.flatMap((a, i) => (a === `--${k}` && args[i + 1] ? [args[i + 1]] : []));
const only = opt("only");
const featuresFile = opt("features");
/** --no-sudachi: without Sudachi's synonyms; --no-curated: without knowledge/synonyms.yaml (what each adds). */
const buildOptions = { sudachi: !args.includes("--no-sudachi") };
const dist = (p) => import(join(root, "dist", p));
const { createJapaneseTokenizer } = await dist("text/tokenizer.js");
const { loadKnowledgeOrThrow } = await dist("knowledge/load.js");
const { loadSynonyms } = await dist("search/synonyms.js");
const { SearchIndex } = await dist("search/search-index.js");
const { MODEL } = await dist("search/model.js");

const readLines = (file) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
const shared = resolve(root, "..", "shared", "eval");

function programSets() {
  const sets = [];
  const add = (name, file) => existsSync(file) && sets.push({ name, file });
  if (existsSync(join(shared, "dev-questions.jsonl"))) add("shared dev", join(shared, "dev-questions.jsonl"));
  for (const dir of ["test/fixtures/heldout", "test/fixtures/eval", "test/fixtures/search"]) {
    const full = join(root, dir);
    if (!existsSync(full)) continue;
    for (const f of readdirSync(full).sort()) {
      if (!f.endsWith(".jsonl") || f.includes("facts")) continue;
      const first = readLines(join(full, f))[0];
      if (first && "expect" in first)
        add(`${dir.replace("test/fixtures/", "")}/${f.replace(".jsonl", "")}`, join(full, f));
    }
  }
  for (const file of repeated("programs")) add(`extra/${file.split("/").at(-1).replace(".jsonl", "")}`, file);
  return sets;
}

function faqSets() {
  const sets = [];
  // Every queries*.jsonl beside a faq.csv is a set (faq-town has queries-calibration and queries-validation).
  const add = (name, dir) => {
    if (!existsSync(join(dir, "faq.csv"))) return;
    for (const f of readdirSync(dir).sort()) {
      if (f.startsWith("queries") && f.endsWith(".jsonl"))
        sets.push({
          name: `${name}${f === "queries.jsonl" ? "" : `/${f.replace(/^queries-?|\.jsonl$/gu, "")}`}`,
          dir,
          queries: join(dir, f),
        });
    }
  };
  add("shared faq-city", join(shared, "faq-city"));
  const heldout = join(root, "test/fixtures/heldout");
  if (existsSync(heldout)) for (const d of readdirSync(heldout).sort()) add(`heldout/${d}`, join(heldout, d));
  for (const dir of repeated("faq")) add(`extra/${resolve(dir).split("/").at(-1)}`, resolve(dir));
  return sets;
}

const tokenizer = await createJapaneseTokenizer();
const bundledSynonyms = args.includes("--no-curated") ? [] : await loadSynonyms(join(root, "knowledge"));
const features = [];
const rows = [];

/**
 * A question as a resident typing only hiragana would write it: every word with kanji or katakana replaced
 * by kuromoji's reading of it (its mistakes included: a resident would type the right reading).
 */
function inHiragana(text) {
  const hiragana = (s) => s.replace(/[\u30a1-\u30f6]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
  return tokenizer
    .tokenize(text)
    .map((t) => (/[\p{Script=Han}\p{Script=Katakana}]/u.test(t.surface) && t.reading ? hiragana(t.reading) : t.surface))
    .join("");
}

/** A set scored as written and, with --kana, again in hiragana (not a calibration example: no features). */
function scoreSet(name, index, questions, isRight, scopeOf) {
  score(name, index, questions, isRight, scopeOf);
  if (kana)
    score(
      `kana: ${name}`,
      index,
      questions.map((q) => ({ ...q, q: inHiragana(q.q) })),
      isRight,
      scopeOf,
      false,
    );
}

function score(name, index, questions, isRight, scopeOf, withFeatures = true) {
  const s = { n: 0, h1: 0, h3: 0, h5: 0, h10: 0, r1: 0, r5: 0, falseNo: 0, un: 0, unRight: 0 };
  const t0 = performance.now();
  for (const q of questions) {
    const options = { municipality: scopeOf(q), top: 10 };
    const found = index.search(q.q, options);
    const answerable = isRight(q) !== null;
    if (featuresFile && withFeatures) {
      // The candidates in the model's order (the first is the one whose confidence decides), ten of them
      // (the rank fit compares the right one with its neighbours).
      const hits = index.rank(q.q, options).hits.sort((a, b) => b.rank - a.rank || b.score - a.score);
      const row = (h, rank) => ({
        set: name,
        id: q.id,
        rank,
        answerable,
        right: h !== undefined && answerable && isRight(q)(h),
        coverage: h?.coverage ?? 0,
        score: h?.score ?? 0,
        have: h?.have ?? 0,
        agreement: h?.agreement ?? 0,
        faq: h?.type === "faq",
        missing: h?.missing ?? [],
        second: hits[1]?.score ?? 0,
      });
      // A question with no candidate at all is one example too (for the confidence fit).
      (hits.length > 0 ? hits.slice(0, 10) : [undefined]).forEach((h, rank) => features.push(row(h, rank)));
    }
    if (!answerable) {
      s.un++;
      if (found.noMatch) s.unRight++;
      else if (verbose)
        console.log(
          `  ${q.id} nothing fits but answered: ${q.q} → ${found.results[0].name} (${found.results[0].confidence})`,
        );
      continue;
    }
    s.n++;
    if (found.noMatch) s.falseNo++;
    const ranked = index.rank(q.q, options).hits.sort((a, b) => b.rank - a.rank || b.score - a.score);
    const raw = ranked.findIndex(isRight(q));
    if (raw === 0) s.r1++;
    if (raw >= 0 && raw < 5) s.r5++;
    const rank = found.results.findIndex(isRight(q));
    if (rank === 0) s.h1++;
    if (rank >= 0 && rank < 3) s.h3++;
    if (rank >= 0 && rank < 5) s.h5++;
    if (rank >= 0 && rank < 10) s.h10++;
    if (rank !== 0 && verbose)
      console.log(
        `  ${q.id} rank ${rank < 0 ? "-" : rank + 1}: ${q.q} → ${
          found.noMatch
            ? "no match"
            : found.results
                .slice(0, 3)
                .map((r) => `${r.name} (${r.confidence})`)
                .join(" | ")
        }`,
      );
  }
  const f = (x) => (s.n ? (x / s.n).toFixed(3) : "  -  ");
  const ms = ((performance.now() - t0) / Math.max(1, questions.length)).toFixed(2);
  rows.push(
    `| ${name} | ${s.n}+${s.un} | ${f(s.h1)} | ${f(s.h3)} | ${f(s.h5)} | ${f(s.h10)} | ${f(s.r1)} | ${f(s.r5)} | ${s.falseNo} | ${s.un ? `${s.unRight}/${s.un}` : "-"} | ${ms} |`,
  );
  console.log(rows.at(-1));
}

console.log(`model: noMatch < ${MODEL.noMatch}, list floor ${MODEL.listFloor}`);
console.log(
  "| set | answerable+none | hit@1 | hit@3 | hit@5 | hit@10 | rank@1 | rank@5 | false no-match | no-match right | ms/q |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|---|");
const wanted = (name) => !only || name.includes(only);
const programs = programSets().filter((s) => wanted(s.name));
if (programs.length > 0) {
  const knowledge = await loadKnowledgeOrThrow(join(root, "knowledge"));
  const index = SearchIndex.build(knowledge, tokenizer, bundledSynonyms, buildOptions);
  for (const set of programs) {
    const isRight = (q) =>
      q.expect.length === 0 ? null : (h) => q.expect.some(([city, name]) => h.municipality === city && h.name === name);
    scoreSet(set.name, index, readLines(set.file), isRight, (q) => q.municipality ?? null);
  }
}
const faqIndexes = new Map();
for (const set of faqSets().filter((s) => wanted(s.name))) {
  let index = faqIndexes.get(set.dir);
  if (!index) {
    const dir = mkdtempSync(join(tmpdir(), "madoguchi-eval-"));
    copyFileSync(join(set.dir, "faq.csv"), join(dir, "faq.csv"));
    index = SearchIndex.build(await loadKnowledgeOrThrow(dir), tokenizer, bundledSynonyms, buildOptions);
    faqIndexes.set(set.dir, index);
  }
  const isRight = (q) => (q.relevant.length === 0 ? null : (h) => q.relevant.includes(String(h.id)));
  scoreSet(set.name, index, readLines(set.queries), isRight, () => null);
}
if (featuresFile) writeFileSync(featuresFile, `${features.map((f) => JSON.stringify(f)).join("\n")}\n`);
