// A Bolt receiver mounted as one route of our node:http server (POST /slack/events): events, slash
// commands and interactivity all arrive here. The route gets the raw body; the signature is checked over
// those bytes before anything parses them (401, fixed body, nothing echoed). Slack needs an answer within
// 3 s: the route answers when a listener acks, or with an empty 200 after `ackTimeoutMs` whatever happens
// (Bolt's own receiver answers 404 after 3,001 ms, which makes Slack retry; our retries are deduplicated
// anyway, so a late listener costs nothing). Processing goes on after the answer. Events API deliveries
// are stored in the durable queue first and answered 200 once stored (durable-events.ts).
import { parse as parseQuery } from "node:querystring";
import type { App, Receiver, ReceiverEvent } from "@slack/bolt";
import type { RouteHandler, RouteRequest, RouteResponse } from "../http/route.js";
import { verifySlackSignature } from "./verify-signature.js";
import { DurableSlackEvents } from "./durable-events.js";

export interface RouteReceiverOptions {
  signingSecret: string;
  /** Milliseconds since the epoch, for the signature's time window (tests move it). */
  now?: () => number;
  /** Answer an unacknowledged request after this long (default 2,500 ms, inside Slack's 3 s). */
  ackTimeoutMs?: number;
  /** Runs work that outlives the HTTP answer (the server's BackgroundTasks, so shutdown waits for it). */
  runInBackground?: (name: string, work: () => Promise<unknown>) => void;
  onError?: (error: unknown) => void;
  /** Events API deliveries are stored in the durable queue before their 200 and handled from it. */
  durable?: DurableSlackEvents;
}

const UNAUTHORIZED: RouteResponse = {
  status: 401,
  headers: { "content-type": "text/plain; charset=utf-8" },
  body: "invalid signature",
};
const BAD_REQUEST: RouteResponse = {
  status: 400,
  headers: { "content-type": "text/plain; charset=utf-8" },
  body: "malformed body",
};

export class SlackRouteReceiver implements Receiver {
  private app: App | undefined;

  constructor(private readonly options: RouteReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  readonly handle: RouteHandler = async (req) => {
    const check = verifySlackSignature({
      signingSecret: this.options.signingSecret,
      rawBody: req.body,
      timestamp: header(req, "x-slack-request-timestamp"),
      signature: header(req, "x-slack-signature"),
      now: this.options.now,
    });
    if (!check.ok) {
      req.logFields["slackRejected"] = check.reason;
      return UNAUTHORIZED;
    }
    const body = parseBody(req);
    if (!body) return BAD_REQUEST;
    req.logFields["slackType"] = kindOf(body);
    if (body["type"] === "url_verification") return json({ challenge: String(body["challenge"] ?? "") });
    if (body["ssl_check"] === "1") return { status: 200 };
    const retry = header(req, "x-slack-retry-num");
    if (retry) req.logFields["slackRetry"] = retry;
    const reason = header(req, "x-slack-retry-reason");
    if (this.options.durable && DurableSlackEvents.wants(body)) {
      await this.options.durable.accept(body, retry ? Number.parseInt(retry, 10) : undefined, reason);
      return { status: 200 };
    }
    return this.dispatch(body, retry, reason);
  };

  /** Hands the request to Bolt and resolves with the first ack (or the timeout's empty 200). */
  private dispatch(
    body: Record<string, unknown>,
    retry: string | undefined,
    retryReason: string | undefined,
  ): Promise<RouteResponse> {
    const app = this.app;
    if (!app) throw new Error("SlackRouteReceiver: the Bolt app was not initialised");
    return new Promise((resolve) => {
      let answered = false;
      const answer = (r: RouteResponse) => {
        if (answered) return;
        answered = true;
        clearTimeout(timer);
        resolve(r);
      };
      const timer = setTimeout(() => answer({ status: 200 }), this.options.ackTimeoutMs ?? 2500);
      const event: ReceiverEvent = {
        body,
        retryNum: retry ? Number.parseInt(retry, 10) : undefined,
        retryReason,
        ack: async (response?: unknown) => answer(ackResponse(response)),
      };
      const work = () =>
        app.processEvent(event).then(
          () => answer({ status: 200 }), // no listener acked (nothing matched): Slack still gets its answer
          (e: unknown) => {
            this.options.onError?.(e);
            answer({ status: 500 });
          },
        );
      if (this.options.runInBackground) this.options.runInBackground("slack-event", work);
      else void work();
    });
  }
}

function header(req: RouteRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Events come as JSON; slash commands as form fields; interactivity as a form field `payload` holding JSON. */
function parseBody(req: RouteRequest): Record<string, unknown> | undefined {
  const type = (header(req, "content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(req.body);
    if (type === "application/x-www-form-urlencoded") {
      const form = parseQuery(text) as Record<string, unknown>;
      return typeof form["payload"] === "string" ? asObject(JSON.parse(form["payload"])) : form;
    }
    return asObject(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function asObject(v: unknown): Record<string, unknown> | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function kindOf(body: Record<string, unknown>): string {
  if (typeof body["command"] === "string") return "command";
  const event = asObject(body["event"]);
  return event ? `event:${String(event["type"])}` : String(body["type"] ?? "unknown");
}

function ackResponse(response: unknown): RouteResponse {
  if (response === undefined || response === "") return { status: 200 };
  if (typeof response === "string")
    return { status: 200, headers: { "content-type": "text/plain; charset=utf-8" }, body: response };
  return json(response);
}

function json(value: unknown): RouteResponse {
  return { status: 200, headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify(value) };
}
