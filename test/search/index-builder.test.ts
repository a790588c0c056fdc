// The index builder (texts read once, postings written into typed arrays) makes exactly the index packIndex
// makes from every entry's terms: the same terms in the same order, the same postings, tf, field masks,
// idf and per-term maximum, bit for bit — on the real knowledge, the FAQ town and a synthetic country —
// and the reading lexicon learns the same words.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createJapaneseTokenizer, type JapaneseTokenizer } from "../../src/text/tokenizer.js";
import { analyzeWords, type AnalyzedWord } from "../../src/text/analyze.js";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.js";
import type { SearchIndexSource } from "../../src/search/search-index.js";
import { entryTerms, faqDocument, programDocument } from "../../src/search/entry-document.js";
import { IndexBuilder } from "../../src/search/index-builder.js";
import { packIndex } from "../../src/search/term-index.js";
import { ReadingLexicon } from "../../src/search/reading-lexicon.js";
import { syntheticKnowledge } from "../../bench/synthetic-knowledge.js";

const ROOT = join(import.meta.dirname, "..", "..");

let tokenizer: JapaneseTokenizer;
beforeAll(async () => {
  tokenizer = await createJapaneseTokenizer();
});

function bothWays(source: SearchIndexSource) {
  const docs = [...source.programs.map((p) => programDocument(p)), ...source.faqs.map((f) => faqDocument(f))];
  const analyzed = new Map<string, AnalyzedWord[]>();
  const analyze = (text: string) => analyzed.get(text) ?? analyzed.set(text, analyzeWords(text, tokenizer)).get(text)!;
  const byTerms = new ReadingLexicon();
  const reference = packIndex(docs.map((d) => entryTerms(d.texts, analyze, (w) => byTerms.addWords(w))));
  const byTexts = new ReadingLexicon();
  const builder = new IndexBuilder(analyze, (w) => byTexts.addWords(w));
  for (const d of docs) builder.add(d.texts);
  return { reference, built: builder.pack(), lexicons: [byTerms, byTexts] };
}

describe("the index builder", () => {
  it.each([
    ["the real knowledge", join(ROOT, "knowledge"), 0],
    ["the FAQ town", join(ROOT, "test", "fixtures", "heldout", "faq-town"), 0],
    ["a synthetic country of 3,000 entries", join(ROOT, "knowledge"), 20],
  ])(
    "packs %s exactly as packIndex",
    async (_name, dir, municipalities) => {
      const knowledge = await loadKnowledgeOrThrow(dir);
      const source = municipalities > 0 ? syntheticKnowledge(knowledge.programs, municipalities, 150) : knowledge;
      const { reference, built, lexicons } = bothWays(source);
      expect(built.docCount).toBe(reference.docCount);
      expect(built.terms).toEqual(reference.terms);
      for (const key of ["postingStart", "postingDoc", "postingTf", "postingFields", "idf", "maxTf"] as const)
        expect(Buffer.from(built[key].buffer).equals(Buffer.from(reference[key].buffer)), key).toBe(true);
      expect(reference.postingDoc.length).toBeGreaterThan(1000);
      expect(lexicons[1]).toEqual(lexicons[0]);
    },
    60_000,
  );
});
