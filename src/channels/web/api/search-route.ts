// GET /api/search?q=&municipality=&category=&audience=&type=&limit=
// → { query, noMatch, total, results: [{ type, id, municipality, name, score, summary, department, … }] }.
// With an empty q, lists the entries the filters select (browsing by category, audience or city).
import type { KnowledgeBase } from "../../../knowledge/knowledge-base.js";
import { jsonResponse, type RouteHandler } from "../../http/route.js";
import type { ChannelMetrics, KnowledgeSnapshot } from "../../channel-context.js";
import { programResult, resultForHit, type SearchResult } from "../result-card.js";
import { readSearchParams, MAX_RESULTS, type SearchParams } from "./query-params.js";

export interface SearchRouteDeps {
  snapshot: () => KnowledgeSnapshot;
  metrics: ChannelMetrics;
  now: () => Date;
}

export interface SearchResponse {
  query: string;
  noMatch: boolean;
  /** How many entries matched before `limit` cut the list. */
  total: number;
  results: SearchResult[];
  knowledgeVersion: string;
}

export function searchRoute(deps: SearchRouteDeps): RouteHandler {
  return async (req) => {
    const { knowledge, index } = deps.snapshot();
    const params = readSearchParams(req.query, knowledge);
    const started = performance.now();
    const found = params.q
      ? await searchEntries(index, knowledge, params, deps.now())
      : browseEntries(knowledge, params, deps.now());
    deps.metrics.queryDuration.observe({ channel: "web", kind: "search" }, (performance.now() - started) / 1000);
    if (params.q && found.indexNoMatch) deps.metrics.noMatch.inc({ channel: "web" });
    Object.assign(req.logFields, {
      qLength: [...params.q].length,
      results: found.results.length,
      noMatch: found.indexNoMatch,
    });
    const body: SearchResponse = {
      query: params.q,
      noMatch: found.results.length === 0,
      total: found.total,
      results: found.results.slice(0, params.limit),
      knowledgeVersion: knowledge.version,
    };
    return jsonResponse(200, body);
  };
}

interface Found {
  results: SearchResult[];
  total: number;
  indexNoMatch: boolean;
}

async function searchEntries(
  index: KnowledgeSnapshot["index"],
  kb: KnowledgeBase,
  params: SearchParams,
  now: Date,
): Promise<Found> {
  // The audience filter runs after the search (the index filters by municipality, type and category).
  const top = params.audience ? MAX_RESULTS : params.limit;
  const outcome = await index.search(params.q, {
    municipality: params.municipality,
    category: params.category,
    type: params.type,
    top,
  });
  const results = outcome.results
    .map((hit) => resultForHit(kb, hit, now))
    .filter((r): r is SearchResult => r !== undefined)
    .filter((r) => !params.audience || (r.type === "program" && r.audiences.includes(params.audience)));
  return { results, total: results.length, indexNoMatch: outcome.noMatch };
}

function browseEntries(kb: KnowledgeBase, params: SearchParams, now: Date): Found {
  if (params.type === "faq") return { results: [], total: 0, indexNoMatch: false };
  const programs = kb.programs.filter(
    (p) =>
      (!params.municipality || p.municipality === params.municipality) &&
      (!params.category || (p.categories ?? []).includes(params.category as never)) &&
      (!params.audience || (p.audiences ?? []).includes(params.audience as never)),
  );
  // Programs with facts first: name-only rows of the source have little to show at a counter.
  const ordered = [...programs.filter((p) => !p.nameOnly), ...programs.filter((p) => p.nameOnly)];
  return {
    results: ordered.slice(0, params.limit).map((p) => programResult(kb, p, 0, now)),
    total: ordered.length,
    indexNoMatch: false,
  };
}
