// GET /api/categories: what the page's filters offer — the municipalities, categories (life events) and
// audiences that the served knowledge has programs for, each with its count, in the schema's order; and the
// same counts per municipality, so the page's counts follow the municipality chosen.
import type { KnowledgeBase } from "../../../knowledge/knowledge-base.js";
import { AUDIENCES, CATEGORIES, type Program } from "../../../knowledge/schema.js";
import { jsonResponse, type RouteHandler } from "../../http/route.js";
import type { KnowledgeSnapshot } from "../../channel-context.js";

export interface FacetsResponse {
  municipalities: { name: string; prefecture: string; programs: number; faqs: number }[];
  categories: FacetCount[];
  audiences: FacetCount[];
  /** The categories' and audiences' counts within each municipality (only those it has programs for). */
  byMunicipality: { name: string; categories: FacetCount[]; audiences: FacetCount[] }[];
  /** The deployment's municipality (MADOGUCHI_MUNICIPALITY), which the page selects first. */
  scope: string | null;
  knowledgeVersion: string;
  /** When the served knowledge was loaded (ISO 8601). */
  loadedAt: string;
}

export interface FacetCount {
  name: string;
  programs: number;
}

/** Each category and audience with its count among `programs`, in the schema's order, those with none left out. */
function counts(programs: readonly Program[]): { categories: FacetCount[]; audiences: FacetCount[] } {
  const count = (field: "categories" | "audiences", value: string) =>
    programs.filter((p) => (p[field] as string[] | undefined)?.includes(value)).length;
  return {
    categories: CATEGORIES.map((name) => ({ name, programs: count("categories", name) })).filter((c) => c.programs > 0),
    audiences: AUDIENCES.map((name) => ({ name, programs: count("audiences", name) })).filter((a) => a.programs > 0),
  };
}

export function facets(kb: KnowledgeBase, scope: string | null): FacetsResponse {
  return {
    municipalities: kb.municipalities.map((m) => ({
      name: m.name,
      prefecture: m.prefecture,
      programs: kb.programs.filter((p) => p.municipality === m.name).length,
      faqs: kb.faqs.filter((f) => f.municipality === m.name).length,
    })),
    ...counts(kb.programs),
    byMunicipality: kb.municipalities.map((m) => ({
      name: m.name,
      ...counts(kb.programs.filter((p) => p.municipality === m.name)),
    })),
    scope,
    knowledgeVersion: kb.version,
    loadedAt: kb.loadedAt.toISOString(),
  };
}

export function categoriesRoute(deps: { snapshot: () => KnowledgeSnapshot; scope: string | null }): RouteHandler {
  return () => jsonResponse(200, facets(deps.snapshot().knowledge, deps.scope));
}
