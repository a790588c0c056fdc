// Reading and checking the query parameters of the JSON API: every value has a length or a set of
// allowed values, and a bad one is a 400 that names the parameter (never echoes the value).
import { AUDIENCES, CATEGORIES } from "../../../knowledge/schema.js";
import type { KnowledgeBase } from "../../../knowledge/knowledge-base.js";
import { BadRequest } from "../../http/http-error.js";

export const MAX_QUERY_CHARS = 200;
export const MAX_RESULTS = 100;
export const DEFAULT_RESULTS = 20;

export interface SearchParams {
  q: string;
  municipality?: string;
  category?: string;
  audience?: string;
  type?: "program" | "faq";
  limit: number;
}

export function readSearchParams(query: URLSearchParams, kb: KnowledgeBase): SearchParams {
  const q = single(query, "q").trim();
  if ([...q].length > MAX_QUERY_CHARS)
    throw new BadRequest(`q must be at most ${MAX_QUERY_CHARS} characters`, "query_too_long");
  const params: SearchParams = { q, limit: readLimit(single(query, "limit")) };
  const municipality = single(query, "municipality").trim();
  if (municipality) {
    const resolved = kb.resolveMunicipality(municipality);
    if (!resolved)
      throw new BadRequest(
        "municipality is not one this knowledge serves (see /api/categories)",
        "unknown_municipality",
      );
    params.municipality = resolved;
  }
  params.category = oneOf(query, "category", CATEGORIES);
  params.audience = oneOf(query, "audience", AUDIENCES);
  params.type = oneOf(query, "type", ["program", "faq"] as const);
  return params;
}

function single(query: URLSearchParams, name: string): string {
  const values = query.getAll(name);
  if (values.length > 1) throw new BadRequest(`${name} must be given at most once`, "repeated_parameter");
  const value = values[0] ?? "";
  if (value.length > 1000) throw new BadRequest(`${name} is too long`, "parameter_too_long");
  return value;
}

function oneOf<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[]): T | undefined {
  const value = single(query, name).trim();
  if (!value) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new BadRequest(`${name} must be one of the values listed by /api/categories`, `unknown_${name}`);
  return value as T;
}

function readLimit(raw: string): number {
  if (!raw.trim()) return DEFAULT_RESULTS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_RESULTS)
    throw new BadRequest(`limit must be a whole number from 1 to ${MAX_RESULTS}`, "invalid_limit");
  return n;
}
