// What a route handler gets and returns: the contract between the channels' routes (web API, LINE and
// Slack webhooks) and src/server, which serves them; it lives here so that channels need nothing from the
// server. The server has already read the whole body as raw bytes (capped; over the cap the client gets
// 413 and the handler never runs) and parsed nothing: webhook routes check signatures over `body` exactly
// as it arrived, JSON routes call `readJson` themselves.
import type { IncomingHttpHeaders } from "node:http";

export interface RouteRequest {
  method: string;
  /** Path without the query string, percent-decoding left to the route (params are decoded). */
  path: string;
  query: URLSearchParams;
  /** Named parts of the route pattern (`/api/programs/:id` → `{ id }`), percent-decoded. */
  params: Record<string, string>;
  /** Lower-case header names, as node:http gives them. */
  headers: IncomingHttpHeaders;
  /** The peer's address (a proxy's, behind one; see MADOGUCHI_TRUST_PROXY): the per-client rate limit's key. */
  remoteAddress?: string;
  /** The raw request body, byte for byte (empty when there was none). */
  body: Buffer;
  /** A short id for this request, also in its log line and the `x-request-id` response header. */
  id: string;
  /** The pattern that matched, e.g. `/webhooks/line/:name` (for logs and metrics). */
  route: string;
  /**
   * Fields to add to this request's log line: ids, lengths and outcomes, never message text
   * (the logger masks personal data anyway, as a second line of defence).
   */
  logFields: Record<string, unknown>;
}

export interface RouteResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export type RouteHandler = (req: RouteRequest) => RouteResponse | Promise<RouteResponse>;

export interface RouteOptions {
  /** Overrides the server's body cap for this route (bytes); the server's cap applies otherwise. */
  bodyLimit?: number;
}

/** One route a channel serves. `pattern`: `/webhooks/line`, `/webhooks/line/:name`, `/static/*file`. */
export interface Route {
  method: string;
  pattern: string;
  handler: RouteHandler;
  options?: RouteOptions;
}

/** A JSON response (UTF-8, no caching: answers change when the knowledge is reloaded). */
export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): RouteResponse {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
    body: JSON.stringify(value),
  };
}

export function textResponse(status: number, text: string, contentType = "text/plain; charset=utf-8"): RouteResponse {
  return { status, headers: { "content-type": contentType, "cache-control": "no-store" }, body: text };
}
