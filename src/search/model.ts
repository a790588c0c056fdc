// Every weight and threshold of the search model, in one table (docs/search.md states the model; a test
// checks the two agree, and test/search/model.test.ts shows what each entry does).
//
// The model in one paragraph: an entry's score is BM25F over its fields (name, aliases and an FAQ's
// question strong; descriptions weaker) on word terms (kuromoji base forms, their readings, compounds of
// neighbouring nouns), where each word of the question counts once through its best term (the word
// itself, its reading, a synonym below it, or the corpus word a conversion slip missed), plus a character
// channel (bigrams and single kanji) for unknown words, hiragana and typos; both channels are divided by
// the score a perfect entry would get, so scores compare across questions. IDF makes common words (支援,
// 補助, 事業) cheap. Confidence is a logistic function of an entry's coverage (the share of the question's
// IDF mass it has), its score, that mass, the question's topic agreement (do the leading candidates share
// a category?) and whether it is an FAQ entry, fitted on calibration questions; noMatch is "the best
// entry's confidence is under one threshold".

export const MODEL = {
  /** BM25 saturation and length normalisation (the usual values). */
  bm25: { k1: 1.2, b: 0.75 },
  /** BM25F field weights: where a term is found says how much the entry is about it. */
  fields: {
    name: 1,
    aliases: 1,
    question: 1,
    summary: 0.35,
    eligibility: 0.25,
    benefits: 0.25,
    answer: 0.3,
    categories: 0.25,
    department: 0.1,
  },
  /** Query-side weight of each kind of term standing for a word of the question. */
  terms: {
    word: 1,
    /** Its reading (子供 / 子ども / こども meet). */
    reading: 0.9,
    /** The reading of a kanji-only word: another word with that reading is often another word (起業 / 企業). */
    kanjiHomophone: 0.3,
    /** The reading of a kanji-only word no entry has: most likely a conversion slip (器械 for 機械). */
    unknownHomophone: 0.7,
    /**
     * A run of kanji the knowledge lacks read as the one word of it a kanji away (浄化相 → 浄化槽, slip-lexicon.ts):
     * every term of that word, times this.
     */
    slip: 0.7,
    /** One of the words a hiragana run was read as, when several share the reading. */
    alternative: 0.9,
    /** A word of a phrase read from hiragana (がくどうほいく → 学童, 保育). */
    part: 0.6,
    /** A curated synonym (knowledge/synonyms.yaml): the resident's word is not the document's. */
    curated: 0.7,
    /** Sudachi: 同義/表記揺れ/略語 of the same 語彙番号. */
    sudachiStrong: 0.6,
    /** Sudachi: another 語彙 of the group (related, not the same word). */
    sudachiWeak: 0.25,
    /** A compound noun's words found apart (健康, 保険 of 国民健康保険; 住民 of 住民票): part of what was typed. */
    partsApart: 0.6,
    /** A compound of two neighbouring words of the question (a phrase match), on top of its words. */
    compound: 0.5,
  },
  /** How much each kind of question word counts (in score and coverage). */
  words: {
    noun: 1,
    /** Verbs and adjectives say what the resident will do, seldom what about. */
    verb: 0.4,
    /** 申請, 対象, 費用: what they want to know about the topic, of what a program's record answers. */
    aspect: 0.4,
    /** 開館時間, 支払い, 予約: what they want to know about the topic, of what a record does not hold. */
    otherAspect: 0.4,
    /** いつ, どこ, いくら: which aspect; no topic at all, so its absence costs nothing. */
    question: 0.2,
    /** A place the resident comes from (大阪から), a relative it is about (母が…): background to the question. */
    background: 0.4,
  },
  /**
   * How much each kind of word counts when the entry lacks it: a verb (入れる, 受ける) or a question word
   * missing says little about the entry (every answer names its department, few write the resident's verb);
   * an aspect (申請) missing says more; an aspect no record holds (開館時間, 支払い) missing says the entry does
   * not answer the question, more surely than a missing topic word, which in a long question is often detail
   * (「図書館の開館時間」 is not answered by a library building project).
   */
  missingWords: { noun: 1, verb: 0.15, aspect: 0.4, otherAspect: 2, question: 0, background: 0.15 },
  /** The character-bigram channel's weight beside the word channel (both normalised to [0, 1]). */
  bigramChannel: 0.3,
  /**
   * A single kanji's weight in the character channel, beside a bigram's 1: a kanji means something alone
   * (郵送 / 郵便, 油 / 食用油), but less than two characters in a row.
   */
  kanjiGram: 1,
  /** A word found only by its bigrams counts as found by this much at most (share^1.5 of its bigrams). */
  bigramCredit: 0.7,
  /** A word's bigrams count as found when at least this share of them is. */
  bigramMinShare: 0.5,
  /**
   * A kana bigram in more than half the entries (IDF under ln 2 ≈ 0.69: さい of ください) shows nothing of a
   * kana word found only by its bigrams: there, it counts as not found (kana bigrams are mostly grammar).
   */
  kanaGramMinIdf: 0.69,
  /** A word found in a field counts as found by the field's weight to this power (summary 0.35 → 0.59). */
  evidenceFieldExponent: 0.5,
  /** Coverage: the k-th missing word (heaviest first) counts 1/k^this, so long questions are not drowned by detail. */
  missingDecay: 1.5,
  /**
   * Confidence = σ(bias + coverage·w + score·w + ln(1 + found mass)·w + agreement·w + faq·w), fitted on
   * calibration questions (eval/fit-confidence.mjs): the found mass is Σ kind weight × idf × found over the
   * words the entry has; agreement is topic-agreement.ts's; faq is 1 for an FAQ entry (a city's FAQ covers
   * every topic its residents ask about, so its questions seldom have no answer).
   */
  confidence: { bias: -9.49, coverage: 9.19, score: 1.23, foundMass: 2.87, agreement: 2.24, faq: 1.99 },
  /** How many leading candidates a candidate's topic agreement is measured against. */
  agreementNeighbours: 4,
  /**
   * The order of the candidates: rank = coverage·w + score·w + ln(1 + found mass)·w, fitted so that the
   * right entry of a calibration question comes first (eval/fit-confidence.mjs, softmax over its candidates).
   * Confidence says whether to answer, this says which entry first.
   */
  rank: { coverage: 1.87, score: 4.14, foundMass: 4.17 },
  /** Under this confidence the best entry does not answer: noMatch. The same for programs and FAQ entries. */
  noMatch: 0.5,
  /** Entries under this confidence are never listed. */
  listFloor: 0.3,
  /** Candidates kept (best score first) before confidence is computed. */
  candidates: 50,
  /** Dialogue: one program is taken alone when its confidence leads the next one's by this much. */
  decisiveGap: 0.25,
  /** Dialogue: a program stays on a list when its confidence is at least this share of the best one's. */
  listShare: 0.6,
} as const;

export type FieldName = keyof typeof MODEL.fields;
export const FIELD_NAMES = Object.keys(MODEL.fields) as FieldName[];
