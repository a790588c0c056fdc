// Routes by method and path pattern. A pattern is literal segments, `:name` for one segment and a final
// `*name` for the rest of the path (`/static/*file`). Exact literals win over parameters, so
// `/webhooks/line` and `/webhooks/line/:name` can both be registered.
import type { Route, RouteHandler, RouteOptions } from "../../channels/http/route.js";

interface TableRoute extends Route {
  segments: string[];
  options: RouteOptions;
}

export type RouteMatch =
  | { kind: "found"; route: TableRoute; params: Record<string, string> }
  | { kind: "wrong-method"; allowed: string[] }
  | { kind: "none" };

export class RouteTable {
  private readonly routes: TableRoute[] = [];

  /** Registers a route; registering the same method and pattern twice is a programming error. */
  add(method: string, pattern: string, handler: RouteHandler, options: RouteOptions = {}): void {
    const m = method.toUpperCase();
    if (!pattern.startsWith("/")) throw new Error(`route pattern must start with "/": ${pattern}`);
    if (this.routes.some((r) => r.method === m && r.pattern === pattern))
      throw new Error(`route ${m} ${pattern} is already registered`);
    this.routes.push({ method: m, pattern, segments: splitPath(pattern), handler, options });
    // Most specific first: more literal segments, then no wildcard.
    this.routes.sort((a, b) => specificity(b) - specificity(a));
  }

  /** Adds a channel's routes. */
  mount(routes: readonly Route[]): void {
    for (const r of routes) this.add(r.method, r.pattern, r.handler, r.options);
  }

  get(pattern: string, handler: RouteHandler, options?: RouteOptions): void {
    this.add("GET", pattern, handler, options);
  }

  post(pattern: string, handler: RouteHandler, options?: RouteOptions): void {
    this.add("POST", pattern, handler, options);
  }

  /** HEAD is answered by GET routes (node:http leaves out the body). */
  match(method: string, path: string): RouteMatch {
    const segments = splitPath(path);
    const wanted = method.toUpperCase() === "HEAD" ? "GET" : method.toUpperCase();
    const allowed = new Set<string>();
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method === wanted) return { kind: "found", route, params };
      allowed.add(route.method);
      if (route.method === "GET") allowed.add("HEAD");
    }
    return allowed.size > 0 ? { kind: "wrong-method", allowed: [...allowed].sort() } : { kind: "none" };
  }

  list(): { method: string; pattern: string }[] {
    return this.routes.map((r) => ({ method: r.method, pattern: r.pattern }));
  }
}

function splitPath(path: string): string[] {
  return path.split("/").filter((s) => s !== "");
}

function specificity(r: TableRoute): number {
  const literals = r.segments.filter((s) => !s.startsWith(":") && !s.startsWith("*")).length;
  const wildcard = r.segments.some((s) => s.startsWith("*")) ? 0 : 1;
  return literals * 100 + r.segments.length * 2 + wildcard;
}

function matchSegments(pattern: string[], path: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    if (p.startsWith("*")) {
      const rest = path.slice(i);
      if (rest.length === 0) return undefined;
      const decoded = rest.map(decodeSegment);
      if (decoded.some((s) => s === undefined)) return undefined;
      params[p.slice(1)] = decoded.join("/");
      return params;
    }
    const s = path[i];
    if (s === undefined) return undefined;
    if (p.startsWith(":")) {
      const decoded = decodeSegment(s);
      if (decoded === undefined) return undefined;
      params[p.slice(1)] = decoded;
    } else if (p !== s) {
      return undefined;
    }
  }
  return pattern.length === path.length ? params : undefined;
}

function decodeSegment(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined; // malformed percent-encoding: no match, so the client gets 404
  }
}
