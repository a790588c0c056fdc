// The request pipeline: route, read the raw body under the cap, run the handler, write the response
// with the security headers, then one log line and the request metrics. No body is parsed here.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../logging/logger.js";
import type { ServerMetrics } from "../metrics/server-metrics.js";
import type { RouteTable } from "./route-table.js";
import type { RouteRequest, RouteResponse } from "../../channels/http/route.js";
import { BadRequest, HttpError, MethodNotAllowed, NotFound } from "../../channels/http/http-error.js";
import { readRawBody } from "./read-body.js";
import { errorResponse } from "./respond.js";
import { SECURITY_HEADERS } from "./security-headers.js";
import { newRequestId } from "./request-id.js";

export interface PipelineDeps {
  routes: RouteTable;
  /** Body cap in bytes for every route that does not set its own (1 MiB by default). */
  bodyLimit: number;
  logger: Logger;
  metrics: ServerMetrics;
  /** Called as each request from a socket starts (the turn scheduler yields to arriving requests). */
  onRequest?: () => void;
}

const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** One request as the pipeline sees it, from a socket (node:http) or in-process (a Web Request). */
export interface PipelineInput {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  remoteAddress?: string;
  /** The raw body, refused with PayloadTooLarge past `limit`. */
  readBody(limit: number): Promise<Buffer>;
  /** Whether the whole body has been read (a connection with unread bytes is not reused). */
  complete(): boolean;
}

export interface Outcome {
  route: string;
  bytesIn: number;
  logFields: Record<string, unknown>;
}

/** What the pipeline answers: the response with its headers, and what the log line and metrics need. */
export interface Answered {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
  outcome: Outcome;
}

export function createRequestListener(deps: PipelineDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void handleRequest(deps, req, res);
  };
}

async function handleRequest(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  deps.onRequest?.();
  const input: PipelineInput = {
    method: req.method ?? "GET",
    url: req.url ?? "/",
    headers: req.headers,
    remoteAddress: req.socket.remoteAddress,
    readBody: (limit) => readRawBody(req, limit),
    complete: () => req.complete,
  };
  const id = newRequestId();
  const outcome: Outcome = { route: "unmatched", bytesIn: 0, logFields: {} };
  res.once("close", () => {
    // 0: the client went away before an answer
    recordRequest(
      deps,
      {
        method: input.method,
        url: input.url,
        status: res.headersSent ? res.statusCode : 0,
        outcome,
        aborted: !res.writableFinished,
        id,
      },
      performance.now() - started,
    );
  });
  const answered = await answer(deps, input, id, outcome);
  write(res, answered);
}

/** Routes, reads the body, runs the handler; any throw becomes its JSON error response. */
export async function answer(
  deps: PipelineDeps,
  input: PipelineInput,
  id: string,
  outcome: Outcome,
): Promise<Answered> {
  let response: RouteResponse;
  try {
    response = await route(deps, input, id, outcome);
  } catch (e) {
    response = errorResponse(e);
    if (!(e instanceof HttpError))
      deps.logger.error({ reqId: id, route: outcome.route, err: e }, "request handler failed");
    if (!input.complete()) response.headers = { ...response.headers, connection: "close" }; // unread body: do not reuse
  }
  const body = response.body ?? "";
  const headers = {
    ...SECURITY_HEADERS,
    "x-request-id": id,
    ...response.headers,
    "content-length": String(Buffer.byteLength(body)),
  };
  return { id, status: response.status, headers, body, outcome };
}

async function route(deps: PipelineDeps, input: PipelineInput, id: string, outcome: Outcome): Promise<RouteResponse> {
  const target = parseTarget(input.url);
  const method = input.method.toUpperCase();
  const match = deps.routes.match(method, target.pathname);
  if (match.kind === "none") throw new NotFound();
  if (match.kind === "wrong-method") throw new MethodNotAllowed(match.allowed);
  outcome.route = match.route.pattern;
  const body = await input.readBody(match.route.options.bodyLimit ?? deps.bodyLimit);
  outcome.bytesIn = body.length;
  const request: RouteRequest = {
    method,
    path: target.pathname,
    query: target.searchParams,
    params: match.params,
    headers: input.headers,
    body,
    id,
    route: match.route.pattern,
    logFields: outcome.logFields,
    remoteAddress: input.remoteAddress,
  };
  return await match.route.handler(request);
}

function parseTarget(url: string): URL {
  try {
    return new URL(url, "http://localhost");
  } catch {
    throw new BadRequest("the request target is not a valid URL");
  }
}

function write(res: ServerResponse, answered: Answered): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(answered.status, answered.headers);
  res.end(answered.body);
  if (answered.headers["connection"] === "close") lingerThenClose(res);
}

/**
 * The client may still be sending a body we refused (413). Node closes a `connection: close` socket as soon
 * as the answer is flushed; with unread bytes arriving, the kernel then resets the connection and the client
 * may never read the answer. So: close our side, keep reading and discarding for 200 ms ("lingering
 * close"), then destroy the socket.
 */
function lingerThenClose(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket) return;
  socket.destroySoon = () => {
    socket.end();
    socket.resume();
    setTimeout(() => socket.destroy(), 200).unref();
  };
}

export interface Finished {
  id: string;
  method: string;
  url: string;
  status: number;
  outcome: Outcome;
  /** The answer was not completely sent. */
  aborted: boolean;
}

/** One log line and the request metrics, once the answer has gone out (or the client went away). */
export function recordRequest(deps: PipelineDeps, f: Finished, ms: number): void {
  const method = KNOWN_METHODS.has(f.method) ? f.method : "OTHER";
  deps.metrics.httpRequests.inc({ route: f.outcome.route, method, status: String(f.status) });
  deps.metrics.httpDuration.observe({ route: f.outcome.route }, ms / 1000);
  deps.logger.info(
    {
      ...f.outcome.logFields,
      reqId: f.id,
      method,
      route: f.outcome.route,
      path: decodedPath(f.url),
      status: f.status,
      ms: Math.round(ms * 1000) / 1000,
      bytesIn: f.outcome.bytesIn,
      ...(f.aborted ? { aborted: true } : {}),
    },
    "request",
  );
}

/** The path without the query, percent-decoded so that masking sees what it encodes (an e-mail's %40). */
function decodedPath(url: string): string {
  const path = url.split("?", 1)[0] ?? "";
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
