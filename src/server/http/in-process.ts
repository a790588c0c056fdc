// The request pipeline without a socket, the way hono's app.request works: a Web Request in, a Web Response
// out, through the same routing, body cap, handlers, security headers, log line and metrics as a request
// over HTTP. Tests talk to the server this way; one suite (test/server/request-pipeline.test.ts) and the
// CLI and reliability tests go over real sockets.
import type { IncomingHttpHeaders } from "node:http";
import { PayloadTooLarge } from "../../channels/http/http-error.js";
import { answer, recordRequest, type Outcome, type PipelineDeps } from "./request-listener.js";
import { newRequestId } from "./request-id.js";

/** Answers `input` (a Request, or a path such as "/api/search?q=…" with `init`) in this process. */
export async function requestInProcess(
  deps: PipelineDeps,
  input: Request | string,
  init?: RequestInit,
): Promise<Response> {
  const started = performance.now();
  const request = typeof input === "string" ? new Request(new URL(input, "http://127.0.0.1"), init) : input;
  const body = Buffer.from(await request.arrayBuffer());
  const url = new URL(request.url);
  const headers: IncomingHttpHeaders = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (body.length > 0 || request.method === "POST") headers["content-length"] = String(body.length);
  const id = newRequestId();
  const outcome: Outcome = { route: "unmatched", bytesIn: 0, logFields: {} };
  const answered = await answer(
    deps,
    {
      method: request.method,
      url: `${url.pathname}${url.search}`,
      headers,
      remoteAddress: "127.0.0.1",
      readBody: async (limit) => {
        if (body.length > limit) throw new PayloadTooLarge(limit);
        return body;
      },
      complete: () => true,
    },
    id,
    outcome,
  );
  recordRequest(
    deps,
    {
      id,
      method: request.method,
      url: `${url.pathname}${url.search}`,
      status: answered.status,
      outcome,
      aborted: false,
    },
    performance.now() - started,
  );
  const empty = request.method === "HEAD" || answered.status === 204 || answered.status === 304;
  const payload = typeof answered.body === "string" ? answered.body : new Uint8Array(answered.body);
  return new Response(empty ? null : payload, { status: answered.status, headers: answered.headers });
}
