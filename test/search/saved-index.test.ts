// The saved search index: an index read back from its file answers every question set of the project
// exactly as a freshly built one (every candidate, score, confidence and evidence), and a file that is
// corrupt, truncated, stale or from other code is never served: the index is built again and rewritten.
import { mkdtemp, readFile, rm, truncate, writeFile, cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJapaneseTokenizer, type JapaneseTokenizer } from "../../src/text/tokenizer.js";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.js";
import type { KnowledgeBase } from "../../src/knowledge/knowledge-base.js";
import { indexKnowledge } from "../../src/search/open-search.js";
import { searchIndexCodec } from "../../src/search/index-codec.js";
import { openSavedIndex, savedIndexPath } from "../../src/search/saved-index.js";
import type { SearchIndex } from "../../src/search/search-index.js";
import { questionSets, type Question } from "./question-sets.js";

const ROOT = join(import.meta.dirname, "..", "..");
const FIXTURES = join(ROOT, "test", "fixtures");

/** What a user of the index sees for a question: every candidate before thresholds, the answer, the plan. */
function answers(index: SearchIndex, q: Question) {
  return [
    index.rank(q.q, { municipality: q.municipality }),
    index.search(q.q, { municipality: q.municipality }),
    index.search(q.q),
    index.explain(q.q),
  ];
}

let tokenizer: JapaneseTokenizer;
let cacheDir: string;

beforeAll(async () => {
  tokenizer = await createJapaneseTokenizer();
  cacheDir = await mkdtemp(join(tmpdir(), "madoguchi-saved-index-"));
});
afterAll(() => rm(cacheDir, { recursive: true, force: true }));

async function open(knowledge: KnowledgeBase) {
  return openSavedIndex({
    cacheDir,
    knowledge,
    codec: searchIndexCodec(tokenizer),
    build: () => indexKnowledge(knowledge, tokenizer),
  });
}

describe("a saved search index", () => {
  it("answers every question set exactly as a fresh build", async () => {
    const checks: [string, string][] = [
      [join(ROOT, "knowledge"), FIXTURES],
      [join(FIXTURES, "heldout", "faq-town"), join(FIXTURES, "heldout", "faq-town")],
    ];
    let asked = 0;
    for (const [dir, sets] of checks) {
      const knowledge = await loadKnowledgeOrThrow(dir);
      const built = await open(knowledge);
      expect(built.source).toBe("absent");
      const saved = await open(knowledge);
      expect(saved.source).toBe("saved");
      const fresh = await indexKnowledge(knowledge, tokenizer);
      for (const [name, questions] of questionSets(sets, FIXTURES)) {
        if (dir !== sets && name.startsWith("heldout/faq-town")) continue; // asked of the FAQ town's own knowledge
        for (const q of questions) {
          asked++;
          const [a, b] = [answers(saved.index, q), answers(fresh, q)];
          if (JSON.stringify(a) !== JSON.stringify(b))
            expect({ set: name, q, answers: a }).toEqual({ set: name, q, answers: b });
        }
      }
    }
    expect(asked).toBeGreaterThan(1000);
  }, 120_000);

  it("is built again, never served, when the file is corrupt, truncated or stale", async () => {
    const dir = await mkdtemp(join(tmpdir(), "madoguchi-saved-index-knowledge-"));
    await cp(join(ROOT, "knowledge"), dir, { recursive: true });
    try {
      const knowledge = await loadKnowledgeOrThrow(dir);
      const question = { q: "不妊治療の助成はありますか", municipality: "伊万里市" };
      const expected = JSON.stringify(answers(await indexKnowledge(knowledge, tokenizer), question));
      expect((await open(knowledge)).source).toBe("absent");
      const path = savedIndexPath(cacheDir, dir);
      const bytes = await readFile(path);
      bytes.writeUInt8(bytes[bytes.length - 50]! ^ 0xff, bytes.length - 50);
      await writeFile(path, bytes);
      const corrupt = await open(knowledge);
      expect(corrupt.source).toBe("corrupt");
      expect(JSON.stringify(answers(corrupt.index, question))).toBe(expected);
      await truncate(path, bytes.length - 1000);
      const truncated = await open(knowledge);
      expect(truncated.source).toBe("truncated");
      expect(JSON.stringify(answers(truncated.index, question))).toBe(expected);
      expect((await open(knowledge)).source).toBe("saved");
      const file = join(dir, "programs", "iizuka.yaml");
      await writeFile(
        file,
        (await readFile(file, "utf8")).replace("name: 外国人材雇用支援事業", "name: 外国人材雇用支援事業（改）"),
      );
      const changed = await loadKnowledgeOrThrow(dir);
      const stale = await open(changed);
      expect(stale.source).toBe("stale");
      expect(stale.index.search("外国人材雇用支援事業", { municipality: "飯塚市" }).results[0]?.name).toBe(
        "外国人材雇用支援事業（改）",
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
