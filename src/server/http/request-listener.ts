// The request pipeline: route, read the raw body under the cap, run the handler, write the response
// with the security headers, then one log line and the request metrics. No body is parsed here.
import type { IncomingMessage, ServerResponse } from "node:http";
import { randomBytes } from "node:crypto";
import type { Logger } from "../logging/logger.js";
import type { ServerMetrics } from "../metrics/server-metrics.js";
import type { RouteTable } from "./route-table.js";
import type { RouteRequest, RouteResponse } from "../../channels/http/route.js";
import { BadRequest, HttpError, MethodNotAllowed, NotFound } from "../../channels/http/http-error.js";
import { readRawBody } from "./read-body.js";
import { errorResponse } from "./respond.js";
import { SECURITY_HEADERS } from "./security-headers.js";

export interface PipelineDeps {
  routes: RouteTable;
  /** Body cap in bytes for every route that does not set its own (1 MiB by default). */
  bodyLimit: number;
  logger: Logger;
  metrics: ServerMetrics;
}

const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export function createRequestListener(deps: PipelineDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void handleRequest(deps, req, res);
  };
}

interface Outcome {
  route: string;
  bytesIn: number;
  logFields: Record<string, unknown>;
}

async function handleRequest(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const id = randomBytes(6).toString("base64url");
  const outcome: Outcome = { route: "unmatched", bytesIn: 0, logFields: {} };
  res.once("close", () => record(deps, req, res, id, outcome, performance.now() - started));
  let response: RouteResponse;
  try {
    response = await route(deps, req, id, outcome);
  } catch (e) {
    response = errorResponse(e);
    if (!(e instanceof HttpError)) deps.logger.error({ reqId: id, route: outcome.route, err: e }, "request handler failed");
    if (!req.complete) response.headers = { ...response.headers, connection: "close" }; // unread body: do not reuse
  }
  write(res, response, id);
}

async function route(deps: PipelineDeps, req: IncomingMessage, id: string, outcome: Outcome): Promise<RouteResponse> {
  const target = parseTarget(req.url);
  const method = (req.method ?? "GET").toUpperCase();
  const match = deps.routes.match(method, target.pathname);
  if (match.kind === "none") throw new NotFound();
  if (match.kind === "wrong-method") throw new MethodNotAllowed(match.allowed);
  outcome.route = match.route.pattern;
  const body = await readRawBody(req, match.route.options.bodyLimit ?? deps.bodyLimit);
  outcome.bytesIn = body.length;
  const request: RouteRequest = {
    method, path: target.pathname, query: target.searchParams, params: match.params, headers: req.headers,
    body, id, route: match.route.pattern, logFields: outcome.logFields, remoteAddress: req.socket.remoteAddress,
  };
  return await match.route.handler(request);
}

function parseTarget(url: string | undefined): URL {
  try {
    return new URL(url ?? "/", "http://localhost");
  } catch {
    throw new BadRequest("the request target is not a valid URL");
  }
}

function write(res: ServerResponse, response: RouteResponse, id: string): void {
  if (res.headersSent || res.destroyed) return;
  const body = response.body ?? "";
  const headers: Record<string, string | number> = { ...SECURITY_HEADERS, "x-request-id": id, ...response.headers };
  headers["content-length"] = Buffer.byteLength(body);
  res.writeHead(response.status, headers);
  res.end(body);
  if (response.headers?.["connection"] === "close") lingerThenClose(res);
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

function record(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse, id: string, outcome: Outcome, ms: number): void {
  const method = KNOWN_METHODS.has(req.method ?? "") ? req.method! : "OTHER";
  const status = res.headersSent ? res.statusCode : 0; // 0: the client went away before an answer
  deps.metrics.httpRequests.inc({ route: outcome.route, method, status: String(status) });
  deps.metrics.httpDuration.observe({ route: outcome.route }, ms / 1000);
  const path = decodedPath(req.url ?? "");
  deps.logger.info({
    ...outcome.logFields, reqId: id, method, route: outcome.route, path, status, ms: Math.round(ms * 1000) / 1000,
    bytesIn: outcome.bytesIn, ...(res.writableFinished ? {} : { aborted: true }),
  }, "request");
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
