// What a search lists, from its candidates: every candidate's confidence and rank (from its coverage and
// found mass, computed in reused buffers), then the full evidence — which words matched, in which field —
// only for the few listed. The same numbers and the same order as SearchIndex.rank's hits sorted and
// filtered (a stable sort by rank, then score; ties keep the candidates' order), without an object per
// candidate: a question's candidates are dozens, its results five.
import type { EntryRef } from "./entry-document.js";
import {
  confidence,
  evidenceFor,
  EvidenceScratch,
  rankValue,
  type ConfidenceFeatures,
  type Match,
} from "./evidence.js";
import { MODEL } from "./model.js";
import type { PreparedQuery, Scored } from "./scorer.js";
import type { TermLookup } from "./term-index.js";
import { topicAgreement } from "./topic-agreement.js";
import { reusedFloat64 } from "../util/reused-array.js";
import { byNumber } from "../util/compare.js";

/** One result of a search (SearchIndex.search's `results`). */
export interface SearchHit {
  type: EntryRef["type"];
  id: string;
  municipality: string | null;
  name: string;
  /** The model's score (BM25F + bigrams, relative to the question's self score). */
  score: number;
  /** Calibrated in [0, 1]: see docs/search.md. */
  confidence: number;
  /** The question's words this entry contains, the field each was found in, and whether only by a synonym. */
  matched: Match[];
}

export interface Listing {
  /** The best confidence of any candidate (0 for none): under MODEL.noMatch, nothing fits. */
  best: number;
  /** The listed candidates, best first, score and confidence rounded to 3 places. */
  results: SearchHit[];
}

/** Reused from search to search (reused-array.ts says why): a search lists its candidates before the next. */
const scratch = new EvidenceScratch();
const SURE = reusedFloat64();
const RANK = reusedFloat64();

export function listCandidates(
  prepared: PreparedQuery,
  candidates: readonly Scored[],
  refs: readonly EntryRef[],
  lookup: TermLookup,
  top: number,
): Listing {
  const n = candidates.length;
  const agreement = topicAgreement(candidates.map((s) => refs[s.doc]!.topics));
  const sure = SURE.take(n);
  const rank = RANK.take(n);
  const features: ConfidenceFeatures = { coverage: 0, score: 0, foundMass: 0, agreement, faq: false };
  let best = 0;
  for (let i = 0; i < n; i++) {
    const s = candidates[i]!;
    scratch.summarize(prepared, lookup, s.doc);
    features.coverage = scratch.coverage;
    features.score = s.score;
    features.foundMass = scratch.have;
    features.faq = refs[s.doc]!.type === "faq";
    sure[i] = confidence(features);
    rank[i] = rankValue(features);
    best = Math.max(best, sure[i]!);
  }
  if (best < MODEL.noMatch) return { best, results: [] };
  const listed: number[] = [];
  for (let i = 0; i < n; i++) if (sure[i]! >= MODEL.listFloor) listed.push(i);
  listed.sort((a, b) => byNumber(rank[b]!, rank[a]!) || byNumber(candidates[b]!.score, candidates[a]!.score));
  const results = listed.slice(0, top).map((i) => {
    const { doc, score } = candidates[i]!;
    const { type, id, municipality, name } = refs[doc]!;
    const matched = evidenceFor(prepared, lookup, doc).matched;
    return { type, id, municipality, name, score: round(score), confidence: round(sure[i]!), matched };
  });
  return { best, results };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
