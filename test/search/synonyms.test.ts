// knowledge/synonyms.yaml: validated like every knowledge file (file:line: field: message), compiled into
// one-way (words → means) and two-way (same) expansions.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSynonymsFile } from "../../src/knowledge/synonyms-schema.js";
import { compileSynonyms, loadSynonyms } from "../../src/search/synonyms.js";
import { KnowledgeError } from "../../src/knowledge/problems.js";
import { createJapaneseTokenizer, type JapaneseTokenizer } from "../../src/text/tokenizer.js";
import { termKey } from "../../src/text/normalize.js";

let dir: string;
let tokenizer: JapaneseTokenizer;
beforeAll(async () => {
  [dir, tokenizer] = await Promise.all([mkdtemp(join(tmpdir(), "madoguchi-synonyms-")), createJapaneseTokenizer()]);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function problemsOf(yaml: string) {
  const file = join(dir, `s${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, yaml);
  return (await readSynonymsFile(file, "synonyms.yaml")).problems;
}

describe("the synonyms file", () => {
  it("the bundled file is valid", async () => {
    const { groups, problems } = await readSynonymsFile("knowledge/synonyms.yaml");
    expect(problems).toEqual([]);
    expect(groups.length).toBeGreaterThan(50);
  });

  it.each([
    ["- words: [妊活]\n  mean: [不妊治療]\n", 2, "unknown field"],
    ["- words: [妊活]\n", 1, "is required: words (what residents say) go with means"],
    ["- words: [妊活]\n  means: [不妊治療]\n  same: [a, b]\n", 1, "not both"],
    ["- words: []\n  means: [不妊治療]\n", 1, "at least one word"],
    ["- same: [創業]\n", 1, "at least two words"],
    ['- words: [妊活]\n  means: [不妊治療]\n- words: [学童]\n  means: [""]\n', 4, "must not be empty"],
    ["- words: [妊活\n", 2, "YAML syntax"],
  ])("reports %j at line %i", async (yaml, line, message) => {
    const problems = await problemsOf(yaml);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.line).toBe(line);
    expect(problems.map((p) => p.message).join(" ")).toContain(message);
  });
});

describe("compiled synonyms", () => {
  it("words lead to their meanings, not back; same-groups lead every way", () => {
    const compiled = compileSynonyms(
      [{ words: ["妊活"], means: ["不妊治療"] }, { same: ["創業", "起業", "開業"] }],
      tokenizer,
    );
    expect(compiled.expansionsOf(termKey("妊活")).map((e) => e.text)).toEqual(["不妊治療"]);
    expect(compiled.expansionsOf(termKey("不妊治療"))).toEqual([]);
    expect(
      compiled
        .expansionsOf("起業")
        .map((e) => e.text)
        .sort(),
    ).toEqual(["創業", "開業"].sort());
    expect(compiled.expansionsOf(termKey("妊活"))[0]!.words).toEqual(["+不妊治療"]); // a phrase is found by its compound
  });

  it("a directory without its own synonyms uses the fallback file; a broken file is an error", async () => {
    expect((await loadSynonyms(dir, "knowledge/synonyms.yaml")).length).toBeGreaterThan(50);
    expect(await loadSynonyms(dir)).toEqual([]);
    await writeFile(join(dir, "synonyms.yaml"), "- words: [妊活]\n");
    await expect(loadSynonyms(dir, "knowledge/synonyms.yaml")).rejects.toBeInstanceOf(KnowledgeError);
  });
});
