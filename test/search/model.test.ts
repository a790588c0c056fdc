// One test per entry of the search model's table (src/search/model.ts), on small hand-made indexes: each shows
// what the number does to a score, a coverage or a decision. docs-model.test.ts checks docs/search.md states
// the same numbers.
import { describe, expect, it } from "vitest";
import { MODEL, FIELD_NAMES } from "../../src/search/model.js";
import { packIndex, TermLookup, REFERENCE_TF, type EntryTerms } from "../../src/search/term-index.js";
import { prepare, scoreEntries } from "../../src/search/scorer.js";
import { evidenceFor, confidence, rankValue, type ConfidenceFeatures } from "../../src/search/evidence.js";
import { topicAgreement } from "../../src/search/topic-agreement.js";
import type { QueryGroup, QueryTerm, WordKind } from "../../src/search/query-groups.js";
import type { QueryPlan } from "../../src/search/query-plan.js";
import { leads, staysListed } from "../../src/dialogue/engine/program-choice.js";

const filler = (n: number) => Array.from({ length: n }, (_, k) => `w${k}`);
const group = (
  label: string,
  terms: (string | QueryTerm)[],
  kind: WordKind = "noun",
  grams: string[] = [],
): QueryGroup => ({
  label,
  kind,
  grams,
  terms: terms.map((t) => (typeof t === "string" ? { term: t, weight: MODEL.terms.word, expanded: false } : t)),
});
const plan = (groups: QueryGroup[], compounds: string[] = []): QueryPlan => ({ query: "", groups, compounds });

/** Scores of each entry (by position) for a plan over the given entries (plus unrelated ones, so IDF is finite). */
function scores(entries: EntryTerms[], p: QueryPlan): number[] {
  const all = [...entries, ...Array.from({ length: 8 }, (_, k) => ({ name: [`other${k}`] }))];
  const lookup = new TermLookup(packIndex(all));
  const found = scoreEntries(prepare(p, lookup), lookup, () => true);
  return entries.map((_, doc) => found.find((s) => s.doc === doc)?.score ?? 0);
}

function evidence(entries: EntryTerms[], p: QueryPlan, doc = 0) {
  const all = [...entries, ...Array.from({ length: 8 }, (_, k) => ({ name: [`other${k}`] }))];
  const lookup = new TermLookup(packIndex(all));
  const q = prepare(p, lookup);
  return evidenceFor(q, lookup, doc);
}

describe("bm25", () => {
  it("k1: a second occurrence adds less than the first (saturation)", () => {
    const once = packIndex([{ summary: ["a", "x", "y"] }, { summary: ["b", "x", "y"] }]);
    const twice = packIndex([{ summary: ["a", "a", "x"] }, { summary: ["b", "x", "y"] }]);
    const tf1 = once.postingTf[once.postingStart[0]!]!;
    const tf2 = twice.postingTf[twice.postingStart[0]!]!;
    expect(tf2).toBeGreaterThan(tf1);
    expect(tf2).toBeLessThan(2 * tf1);
    expect(tf2).toBeLessThan(1); // never more than 1: tf~ / (k1 + tf~)
  });

  it("b: a word in a long field counts less than in a short one", () => {
    const [short, long] = scores([{ name: ["a"] }, { name: ["a", ...filler(9)] }], plan([group("a", ["a"])]));
    expect(short).toBeGreaterThan(long!);
  });
});

describe("fields: where a word is found says how much the entry is about it", () => {
  it.each(FIELD_NAMES.map((f) => [f, MODEL.fields[f]] as const))("%s (weight %s)", (field, weight) => {
    const [inField, inName] = scores([{ [field]: ["a"] } as EntryTerms, { name: ["a"] }], plan([group("a", ["a"])]));
    expect(inField! / inName!).toBeCloseTo(weight / (MODEL.bm25.k1 + weight) / (1 / (MODEL.bm25.k1 + 1)), 5);
  });

  it("evidenceFieldExponent: found in a summary counts weight^exponent toward coverage", () => {
    const e = evidence([{ summary: ["a"] }], plan([group("a", ["a"])]));
    expect(e.found[0]).toBeCloseTo(MODEL.fields.summary ** MODEL.evidenceFieldExponent, 5);
  });
});

describe("terms: the ways a word is found, each below the word typed", () => {
  const alone = (weight: number, expanded = false, alternative?: number): QueryTerm => ({
    term: "b",
    weight,
    expanded,
    ...(alternative === undefined ? {} : { alternative }),
  });
  it.each(Object.entries(MODEL.terms).filter(([k]) => k !== "compound" && k !== "partsApart"))(
    "%s: %s of the word's score",
    (_, weight) => {
      // Entry 0 has the word itself, entry 1 only the other term; both words equally common.
      const [word, other] = scores([{ name: ["a"] }, { name: ["b"] }], plan([group("a", ["a", alone(weight)])]));
      expect(other! / word!).toBeCloseTo(weight, 5);
    },
  );

  it("partsApart: a compound noun's words found apart count this share of its compounds found", () => {
    const apart = MODEL.terms.partsApart / 2;
    const p = plan([
      {
        ...group("ab", [
          { term: "+ab", weight: 1, expanded: false, alternative: -3 },
          { term: "a", weight: apart, expanded: false, alternative: -4 },
          { term: "b", weight: apart, expanded: false, alternative: -4 },
        ]),
        idfTerms: ["a", "b"],
      },
    ]);
    expect(evidence([{ name: ["+ab", "x"] }, { name: ["a", "b"] }], p, 1).found[0]).toBeCloseTo(
      MODEL.terms.partsApart,
      5,
    );
    expect(evidence([{ name: ["+ab", "x"] }, { name: ["a", "b"] }], p, 0).found[0]).toBeCloseTo(1, 5);
    expect(evidence([{ name: ["+ab", "x"] }, { name: ["a", "c"] }], p, 1).found[0]).toBeCloseTo(apart, 5);
  });

  it("compound: a phrase match adds this much of its IDF on top of the words", () => {
    const p = plan([group("a", ["a"]), group("b", ["b"])], ["+ab"]);
    const [phrase, apart] = scores([{ name: ["a", "b", "+ab"] }, { name: ["a", "b", "x"] }], p);
    expect(phrase).toBeGreaterThan(apart!);
  });

  it("a phrase expansion is found in proportion to its compounds (terms of one alternative add up)", () => {
    const half = MODEL.terms.curated / 2;
    const p = plan([
      group("a", [
        "a",
        { term: "+xy", weight: half, expanded: true, alternative: 0 },
        { term: "+yz", weight: half, expanded: true, alternative: 0 },
      ]),
    ]);
    expect(evidence([{ name: ["+xy", "+yz"] }], p).found[0]).toBeCloseTo(MODEL.terms.curated, 5);
    expect(evidence([{ name: ["+xy"] }], p).found[0]).toBeCloseTo(half, 5);
  });

  it("a word counts once, through its best term: synonyms do not add up", () => {
    const p = plan([group("a", ["a", alone(MODEL.terms.curated, true)])]);
    const [both, word] = scores([{ name: ["a", "b"] }, { name: ["a", "c"] }], p);
    expect(both).toBeCloseTo(word!, 5);
  });

  it("an entry's word found through a synonym shows one question word, not each that expands to it", () => {
    // 手当 and もらえる both expand to 助成: an entry with 助成 has one of them, not both.
    const syn = { term: "x", weight: MODEL.terms.curated, expanded: true };
    const p = plan([group("a", ["a", syn]), group("b", ["b", syn])]);
    const e = evidence([{ name: ["x"] }], p);
    expect(e.found[0]).toBeCloseTo(MODEL.terms.curated, 5);
    expect(e.found[1]).toBe(0);
    // Found as typed, a still owns its meaning: x shows a, not b.
    expect(evidence([{ name: ["a", "x"] }], p).found[1]).toBe(0);
  });

  it("two question words with one meaning show it once, whichever of its spellings the entry has", () => {
    // 手当 and もらえる both mean 給付, 助成, 補助 …: an entry with 助成 and 補助 has that meaning once.
    const x = { term: "x", weight: MODEL.terms.curated, expanded: true };
    const y = { term: "y", weight: MODEL.terms.curated, expanded: true };
    const p = plan([group("a", ["a", x, y]), group("b", ["b", x, y])]);
    const e = evidence([{ name: ["x", "y"] }], p);
    expect(e.found[0]).toBeCloseTo(MODEL.terms.curated, 5);
    expect(e.found[1]).toBe(0);
    // The other word as typed is still found.
    expect(evidence([{ name: ["x", "y", "b"] }], p).found[1]).toBe(1);
  });

  it("matched reports the field and whether only a synonym was found", () => {
    const p = plan([group("a", ["a", alone(MODEL.terms.curated, true)])]);
    expect(evidence([{ summary: ["b"] }], p).matched).toEqual([{ term: "a", field: "summary", expanded: true }]);
    expect(evidence([{ name: ["a"] }], p).matched).toEqual([{ term: "a", field: "name", expanded: false }]);
  });
});

describe("words: how much each kind of question word counts", () => {
  it.each(Object.entries(MODEL.words))("%s: found, it scores %s of a noun", (kind, weight) => {
    const entries: EntryTerms[] = [{ name: ["a"] }, { name: ["b"] }];
    const [noun, other] = scores(entries, plan([group("a", ["a"]), group("b", ["b"], kind as WordKind)]));
    expect(other! / noun!).toBeCloseTo(weight, 5);
  });

  it.each(Object.entries(MODEL.missingWords))(
    "missingWords.%s: missing, it lowers coverage by %s of a noun",
    (kind, weight) => {
      const e = evidence([{ name: ["a"] }], plan([group("a", ["a"]), group("z", ["zz"], kind as WordKind)]));
      const unknown = Math.log(1 + (9 + 0.5) / 0.5);
      const have = Math.log(1 + (9 - 1 + 0.5) / 1.5) * MODEL.words.noun;
      expect(e.coverage).toBeCloseTo(have / (have + weight * unknown), 5);
    },
  );

  it("a verb standing for a thing (守る → 維持) weighs as specific as the thing, not as its own rare spelling", () => {
    const entries: EntryTerms[] = [{ name: ["守る"] }, ...Array.from({ length: 6 }, () => ({ name: ["維持"] }))];
    const lookup = new TermLookup(packIndex([...entries, { name: ["other"] }]));
    const verb = group("守る", ["守る", { term: "維持", weight: MODEL.terms.curated, expanded: true }]);
    const idfOf = (g: QueryGroup) => prepare(plan([g]), lookup).groups[0]!.idf;
    const plain = idfOf(verb);
    const promoted = idfOf({ ...verb, thingTerms: ["維持"] });
    expect(plain).toBeCloseTo(lookup.idf("守る"), 5);
    expect(promoted).toBeCloseTo(lookup.idf("維持"), 5);
    expect(promoted).toBeLessThan(plain);
  });

  it("missingDecay: the second missing word counts 1/2^decay", () => {
    const e = evidence([{ name: ["a"] }], plan([group("a", ["a"]), group("y", ["yy"]), group("z", ["zz"])]));
    const unknown = Math.log(1 + (9 + 0.5) / 0.5);
    const have = Math.log(1 + (9 - 1 + 0.5) / 1.5);
    expect(e.coverage).toBeCloseTo(have / (have + unknown + unknown / 2 ** MODEL.missingDecay), 5);
  });
});

describe("bigrams", () => {
  const grams = ["#あい", "#いう", "#うえ"];
  it("bigramChannel: an entry sharing only the word's bigrams scores bigramChannel of a perfect bigram match", () => {
    const p = plan([group("あいうえ", ["あいうえ"], "noun", grams)]);
    const [word, onlyGrams] = scores([{ name: ["あいうえ", ...grams] }, { name: grams }], p);
    expect(onlyGrams!).toBeGreaterThan(0);
    expect(onlyGrams!).toBeLessThanOrEqual(MODEL.bigramChannel + 1e-9);
    expect(word! - onlyGrams!).toBeGreaterThan(0.9);
  });

  it("bigramCredit and bigramMinShare: found by bigrams counts credit × share^1.5, nothing under the minimum share", () => {
    const p = plan([group("あいうえ", ["あいうえ"], "noun", grams)]);
    expect(evidence([{ name: grams }], p).found[0]).toBeCloseTo(MODEL.bigramCredit, 5);
    expect(evidence([{ name: grams.slice(0, 2) }], p).found[0]).toBeCloseTo(MODEL.bigramCredit * (2 / 3) ** 1.5, 5);
    expect(evidence([{ name: grams.slice(0, 1) }], p).found[0]).toBe(0); // 1/3 < bigramMinShare
    expect(1 / 3).toBeLessThan(MODEL.bigramMinShare);
  });

  it("a kana word found only by its bigrams counts only as far as they are specific (Σ their IDF / the word's)", () => {
    // さいず (サイズ) is in no entry; #さい (ください) and #いず (いずれか) are in half the entries: an entry
    // with both shows little of the word. The same two bigrams, rare, still show it at bigramCredit; a kanji
    // word is not capped (a kanji bigram is seldom grammar).
    const common = Array.from({ length: 8 }, () => ({ answer: ["#さい", "#いず"] }));
    const kana = plan([group("さいず", ["さいず"], "noun", ["#さい", "#いず"])]);
    const byGrammar = evidence(common, kana).found[0]!;
    expect(byGrammar).toBeGreaterThan(0);
    expect(byGrammar).toBeLessThan(MODEL.bigramCredit * MODEL.fields.answer ** MODEL.evidenceFieldExponent * 0.5);
    const rare = [{ answer: ["#さい", "#いず"] }, ...Array.from({ length: 8 }, (_, k) => ({ answer: [`w${k}`] }))];
    expect(evidence(rare, kana).found[0]).toBeCloseTo(
      MODEL.bigramCredit * MODEL.fields.answer ** MODEL.evidenceFieldExponent,
      5,
    );
    const kanjiCommon = Array.from({ length: 8 }, () => ({ answer: ["#申請", "#請書"] }));
    const kanji = plan([group("申請書類", ["申請書類"], "noun", ["#申請", "#請書"])]);
    expect(evidence(kanjiCommon, kanji).found[0]).toBeCloseTo(
      MODEL.bigramCredit * MODEL.fields.answer ** MODEL.evidenceFieldExponent,
      5,
    );
  });
});

describe("kanaGramMinIdf", () => {
  it("a kana bigram in more than half the entries counts as not found for a kana word", () => {
    // さいず: #さい is in most entries (ください), so an entry with #さい and #いず shows the word as one with #いず alone.
    const kana = plan([group("さいず", ["さいず"], "noun", ["#さい", "#いず"])]);
    const grammar = Array.from({ length: 12 }, () => ({ answer: ["#さい"] }));
    const both = evidence([{ answer: ["#さい", "#いず"] }, ...grammar], kana).found[0]!;
    const one = evidence([{ answer: ["#いず"] }, ...grammar], kana).found[0]!;
    expect(both).toBeGreaterThan(0);
    expect(both).toBeCloseTo(one, 9);
    // Where #さい is rare it is evidence: both bigrams show more than one.
    const rare = Array.from({ length: 12 }, (_, k) => ({ answer: [`w${k}`] }));
    expect(evidence([{ answer: ["#さい", "#いず"] }, ...rare], kana).found[0]!).toBeGreaterThan(
      evidence([{ answer: ["#いず"] }, { answer: ["#さい"] }, ...rare], kana).found[0]!,
    );
  });
});

describe("single kanji in the character channel", () => {
  it("kanjiGram: a shared kanji counts kanjiGram of a shared bigram, in the score and in the share found", () => {
    // 郵送 asked; one entry has 郵便 (the kanji 郵), one has 送付 (送); a kanji is worth kanjiGram of a bigram.
    const p = plan([group("郵送", ["郵送"], "noun", ["#郵送", "#郵", "#送"])]);
    const [yubin, sofu, both] = scores(
      [{ name: ["#郵便", "#郵"] }, { name: ["#送付", "#送"] }, { name: ["#郵", "#送"] }],
      p,
    );
    expect(yubin!).toBeGreaterThan(0);
    expect(yubin!).toBeCloseTo(sofu!, 5); // the two kanji are equally common
    expect(both!).toBeGreaterThan(yubin!);
    // found by weight share: both kanji of 郵送 are 2·kanjiGram of (1 + 2·kanjiGram)
    const share = (2 * MODEL.kanjiGram) / (1 + 2 * MODEL.kanjiGram);
    const found = evidence([{ name: ["#郵", "#送"] }], p).found[0]!;
    expect(found).toBeCloseTo(share >= MODEL.bigramMinShare ? MODEL.bigramCredit * share ** 1.5 : 0, 5);
  });
});

describe("general synonyms as evidence", () => {
  it("a Sudachi synonym found shows the resident's word only as far as it is as specific", () => {
    // The resident's word (rare) is in no entry; its general synonym "common" is in many.
    const entries: EntryTerms[] = [{ name: ["common"] }, ...Array.from({ length: 6 }, () => ({ name: ["common"] }))];
    const general = { term: "common", weight: MODEL.terms.sudachiStrong, expanded: true, general: true };
    const curated = { term: "common", weight: MODEL.terms.curated, expanded: true };
    const byGeneral = evidence(entries, plan([group("rare", ["rare", general])])).found[0]!;
    const byCurated = evidence(entries, plan([group("rare", ["rare", curated])])).found[0]!;
    expect(byCurated).toBeCloseTo(MODEL.terms.curated, 5); // the knowledge's own synonyms are trusted
    expect(byGeneral).toBeGreaterThan(0);
    expect(byGeneral).toBeLessThan(MODEL.terms.sudachiStrong / 2);
  });
});

describe("rank: the order of the candidates", () => {
  const base = { coverage: 0.5, score: 0.5, foundMass: 2 };
  it.each([
    ["coverage", { coverage: 0.6 }, 0.1],
    ["score", { score: 0.6 }, 0.1],
  ] as const)("rank.%s: 0.1 more of it ranks an entry this weight × 0.1 higher", (key, more, step) => {
    expect(rankValue({ ...base, ...more }) - rankValue(base)).toBeCloseTo(MODEL.rank[key] * step, 5);
  });
  it("rank.foundMass: more found mass ranks higher, by its weight × the ln(1 + F) difference", () => {
    const gain = rankValue({ ...base, foundMass: 5 }) - rankValue(base);
    expect(gain).toBeCloseTo(MODEL.rank.foundMass * (Math.log1p(5) - Math.log1p(2)), 5);
  });
});

describe("confidence and the decisions made from it", () => {
  const features = (f: Partial<ConfidenceFeatures> = {}): ConfidenceFeatures => ({
    coverage: 0.5,
    score: 0.5,
    foundMass: 2,
    agreement: 0.5,
    faq: false,
    ...f,
  });

  it("confidence: a logistic function rising with coverage, score, found mass and topic agreement", () => {
    const c = MODEL.confidence;
    const zero = { coverage: 0, score: 0, foundMass: 0, agreement: 0 };
    expect(confidence(features(zero))).toBeCloseTo(1 / (1 + Math.exp(-c.bias)), 5);
    expect(confidence(features({ coverage: 1 }))).toBeGreaterThan(confidence(features()));
    expect(confidence(features({ score: 1 }))).toBeGreaterThan(confidence(features()));
    expect(confidence(features({ foundMass: 10 }))).toBeGreaterThan(confidence(features()));
    expect(confidence(features({ agreement: 1 }))).toBeGreaterThan(confidence(features()));
  });

  it("confidence.agreement: the same match is surer when the leading candidates agree on its topic", () => {
    const z = (p: number) => Math.log(p / (1 - p));
    const scattered = confidence(features({ agreement: 0 }));
    const agreed = confidence(features({ agreement: 1 }));
    expect(z(agreed) - z(scattered)).toBeCloseTo(MODEL.confidence.agreement, 5);
  });

  it("confidence.faq: an FAQ entry's match counts this much more (its questions seldom have no answer)", () => {
    const z = (p: number) => Math.log(p / (1 - p));
    expect(z(confidence(features({ faq: true }))) - z(confidence(features()))).toBeCloseTo(MODEL.confidence.faq, 5);
  });

  it("agreementNeighbours: the best candidate's topic is compared with this many next ones", () => {
    const k = MODEL.agreementNeighbours;
    const gomi = Array.from({ length: k + 1 }, () => ["ごみ"]);
    expect(topicAgreement(gomi)).toBe(1);
    expect(topicAgreement([["ごみ"], ["ごみ", "環境"], ["税"], ...gomi.slice(3)])).toBeCloseTo((k - 1) / k, 5);
    expect(topicAgreement([["ごみ"], ["税"], ["防災"], ["子育て"], ["戸籍"]])).toBe(0);
    // Fewer candidates than neighbours: a missing neighbour does not agree.
    expect(topicAgreement([["ごみ"], ["ごみ"]])).toBeCloseTo(1 / k, 5);
    expect(topicAgreement([])).toBe(0);
  });

  it("noMatch: a whole match of a specific word passes it, a generic word alone does not", () => {
    const entries: EntryTerms[] = [{ name: ["rare"] }, ...Array.from({ length: 20 }, () => ({ name: ["common"] }))];
    const lookup = new TermLookup(packIndex(entries));
    const sure = prepare(plan([group("rare", ["rare"])]), lookup);
    const vague = prepare(plan([group("common", ["common"]), group("unknown", ["unknown"])]), lookup);
    const [s] = scoreEntries(sure, lookup, () => true);
    const [v] = scoreEntries(vague, lookup, () => true);
    const of = (q: typeof sure, doc: number, score: number) => {
      const e = evidenceFor(q, lookup, doc);
      return confidence({ coverage: e.coverage, score, foundMass: e.have, agreement: 0, faq: false });
    };
    expect(of(sure, s!.doc, s!.score)).toBeGreaterThanOrEqual(MODEL.noMatch);
    expect(of(vague, v!.doc, v!.score)).toBeLessThan(MODEL.noMatch);
  });

  it("listFloor: under the no-match threshold, so a list may show entries less sure than the first", () => {
    expect(MODEL.listFloor).toBeLessThan(MODEL.noMatch);
    expect(MODEL.listFloor).toBeGreaterThan(0);
  });

  it("candidates: at most this many entries are scored for confidence", () => {
    const entries = Array.from({ length: MODEL.candidates + 10 }, () => ({ name: ["a"] }));
    const lookup = new TermLookup(packIndex([...entries, { name: ["b"] }]));
    expect(scoreEntries(prepare(plan([group("a", ["a"])]), lookup), lookup, () => true)).toHaveLength(MODEL.candidates);
  });

  it("decisiveGap: the best hit is taken alone when its confidence leads the next by this much", () => {
    expect(leads(0.9, 0.9 - MODEL.decisiveGap)).toBe(true);
    expect(leads(0.9, 0.9 - MODEL.decisiveGap / 2)).toBe(false);
  });

  it("listShare: a hit stays on the list at this share of the best confidence", () => {
    expect(staysListed(MODEL.listShare * 0.8, 0.8)).toBe(true);
    expect(staysListed(MODEL.listShare * 0.8 - 0.01, 0.8)).toBe(false);
  });

  it("REFERENCE_TF is what one occurrence in a field of average length with weight 1 saturates to", () => {
    const index = packIndex([{ name: ["a"] }, { name: ["b"] }]);
    expect(index.postingTf[0]).toBeCloseTo(REFERENCE_TF, 5);
  });
});
