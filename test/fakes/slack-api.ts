// A fake Slack Web API on 127.0.0.1 for tests. It answers the methods the bot calls (auth.test,
// chat.postMessage, chat.postEphemeral, chat.update, views.publish, views.open) and the response_url a slash command
// or a button carries. It behaves like Slack where it matters to us: a wrong bot token is refused with
// `invalid_auth`, a payload over Block Kit's limits is refused with `invalid_blocks` (and recorded with the
// reasons), and posts get a channel and a `ts` a thread can be opened on. Tests assert on what staff saw.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parse as parseQuery } from "node:querystring";
import { blockKitProblems, viewProblems, type Surface } from "../../src/channels/slack/block-limits.js";

export interface SlackCall {
  method: string;
  /** The arguments as the bot sent them, with JSON-encoded fields (blocks, view) decoded. */
  args: Record<string, unknown>;
  /** What the fake answered (e.g. the `ts` of a posted message). */
  result?: Record<string, unknown>;
}
export interface SlackRejection {
  method: string;
  error: string;
  problems: string[];
}
export interface FakeSlackOptions {
  botToken: string;
  botUserId?: string;
  botId?: string;
  teamId?: string;
}

type Reply = { status: number; body: Record<string, unknown> };

export class FakeSlackApi {
  readonly calls: SlackCall[] = [];
  readonly rejected: SlackRejection[] = [];
  private seq = 0;
  private waiters: (() => void)[] = [];
  private outage: { status: number; until: number } | undefined;
  /** Calls answered with the outage's status. */
  outageRefusals = 0;
  private readonly failures = new Map<string, { error: string; remaining: number }>();
  /** users.info's names and usergroups.users.list's members, as a workspace would have them. */
  readonly userNames = new Map<string, string>();
  readonly userGroups = new Map<string, string[]>();

  private constructor(
    private readonly server: Server,
    readonly origin: string,
    private readonly options: FakeSlackOptions,
  ) {}

  static async start(options: FakeSlackOptions): Promise<FakeSlackApi> {
    let api: FakeSlackApi | undefined;
    const server = createServer((req, res) => void api!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    api = new FakeSlackApi(server, `http://127.0.0.1:${port}`, options);
    return api;
  }

  /** What SLACK_API_URL should be set to. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  get botUserId(): string {
    return this.options.botUserId ?? "UBOT0001";
  }

  /** A response_url for a slash command or an interaction; posts to it are recorded as method "response_url". */
  responseUrl(id = String(++this.seq)): string {
    return `${this.origin}/response/${id}`;
  }

  /** The next `times` calls to `method` answer `{ ok: false, error }` (as Slack does for, e.g., channel_not_found). */
  /** An outage: the chat.* methods answer HTTP `status` (503) for `ms`; auth.test keeps working. */
  failChat(status: number, ms: number): void {
    this.outage = { status, until: Date.now() + ms };
  }

  failNext(method: string, error: string, times = 1): void {
    this.failures.set(method, { error, remaining: times });
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves when at least `count` calls to `method` were recorded; rejects after `timeoutMs`. */
  async waitFor(method: string, count = 1, timeoutMs = 10_000): Promise<SlackCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.callsTo(method).length < count) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `fake Slack: waited ${timeoutMs} ms for ${count} ${method} call(s), got ${this.callsTo(method).length}; calls: ${this.calls.map((c) => c.method).join(", ") || "none"}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.callsTo(method);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", this.origin);
    let reply: Reply;
    if (req.method === "POST" && url.pathname.startsWith("/response/")) {
      reply = this.onResponseUrl(url.pathname.slice("/response/".length), raw);
    } else if (
      req.method === "POST" &&
      this.outage &&
      Date.now() < this.outage.until &&
      url.pathname.startsWith("/api/chat.")
    ) {
      this.outageRefusals++;
      reply = { status: this.outage.status, body: { ok: false, error: "service_unavailable" } };
    } else if (req.method === "POST" && url.pathname.startsWith("/api/")) {
      reply = this.onApi(url.pathname.slice("/api/".length), req, raw);
    } else {
      reply = { status: 404, body: { ok: false, error: "unknown_path" } };
    }
    res.writeHead(reply.status, { "content-type": "application/json" });
    res.end(JSON.stringify(reply.body));
    const waiting = this.waiters.splice(0);
    waiting.forEach((wake) => wake());
  }

  private onResponseUrl(id: string, raw: string): Reply {
    let args: Record<string, unknown>;
    try {
      args = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return this.refuse("response_url", "invalid_json", [], 400);
    }
    if (!args["delete_original"]) {
      const problems = blockKitProblems(args);
      if (problems.length > 0) return this.refuse("response_url", "invalid_blocks", problems, 400);
    }
    this.calls.push({ method: "response_url", args: { ...args, __url: id } });
    return { status: 200, body: { ok: true } };
  }

  private onApi(method: string, req: IncomingMessage, raw: string): Reply {
    const args = decodeArgs(req.headers["content-type"], raw);
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "") || String(args["token"] ?? "");
    if (token !== this.options.botToken) return this.refuse(method, "invalid_auth", []);
    const failure = this.failures.get(method);
    if (failure && failure.remaining-- > 0) return this.refuse(method, failure.error, ["injected failure"]);
    const check = METHOD_CHECKS[method];
    if (!check) return this.refuse(method, "unknown_method", []);
    const problems = check(args);
    if (problems.length > 0)
      return this.refuse(method, problems[0]!.startsWith("missing") ? problems[0]! : "invalid_blocks", problems);
    const result = this.answer(method, args);
    this.calls.push({ method, args, result });
    return { status: 200, body: result };
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const ts = `${1_700_000_000 + ++this.seq}.000100`;
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          user_id: this.botUserId,
          bot_id: this.options.botId ?? "BBOT0001",
          team_id: this.options.teamId ?? "T0001",
          user: "madoguchi",
        };
      case "chat.postMessage":
        return { ok: true, channel: args["channel"], ts, message: { ts, text: args["text"], blocks: args["blocks"] } };
      case "chat.postEphemeral":
        return { ok: true, message_ts: ts };
      case "chat.update":
        return { ok: true, channel: args["channel"], ts: args["ts"] };
      case "users.info": {
        const id = String(args["user"]);
        const name = this.userNames.get(id);
        return {
          ok: true,
          user: {
            id,
            name: id.toLowerCase(),
            real_name: name ?? "",
            profile: { display_name: name ?? "", real_name: name ?? "" },
          },
        };
      }
      case "usergroups.users.list": {
        const users = this.userGroups.get(String(args["usergroup"]));
        return users ? { ok: true, users } : { ok: false, error: "no_such_subteam" };
      }
      default:
        return { ok: true };
    }
  }

  private refuse(method: string, error: string, problems: string[], status = 200): Reply {
    this.rejected.push({ method, error, problems });
    return { status, body: { ok: false, error, response_metadata: { messages: problems } } };
  }
}

const messageCheck =
  (surface: Surface, required: string[]) =>
  (args: Record<string, unknown>): string[] => {
    const missing = required.filter((k) => args[k] === undefined || args[k] === "");
    if (missing.length > 0) return [`missing_${missing[0]}`];
    return blockKitProblems(args as { text?: unknown; blocks?: unknown }, surface);
  };

const METHOD_CHECKS: Record<string, (args: Record<string, unknown>) => string[]> = {
  "auth.test": () => [],
  "chat.postMessage": messageCheck("message", ["channel"]),
  "chat.postEphemeral": messageCheck("message", ["channel", "user"]),
  "chat.update": messageCheck("message", ["channel", "ts"]),
  "users.info": (args) => (args["user"] ? [] : ["missing_user"]),
  "usergroups.users.list": (args) => (args["usergroup"] ? [] : ["missing_usergroup"]),
  "views.publish": (args) => {
    if (!args["user_id"]) return ["missing_user_id"];
    const view = args["view"] as { type?: unknown } | undefined;
    return view?.type === "home" ? viewProblems(view) : ["invalid_view: views.publish takes a home view"];
  },
  "views.open": (args) => {
    if (!args["trigger_id"]) return ["missing_trigger_id"];
    const view = args["view"] as { type?: unknown } | undefined;
    return view?.type === "modal" ? viewProblems(view) : ["invalid_view: views.open takes a modal"];
  },
};

/** The Web API client sends form fields, JSON-encoding objects; some callers send JSON. */
function decodeArgs(contentType: string | undefined, raw: string): Record<string, unknown> {
  const fields: Record<string, unknown> = contentType?.startsWith("application/json")
    ? (JSON.parse(raw || "{}") as Record<string, unknown>)
    : { ...parseQuery(raw) };
  for (const key of ["blocks", "view", "attachments", "metadata"]) {
    const value = fields[key];
    if (typeof value === "string") {
      try {
        fields[key] = JSON.parse(value);
      } catch {
        /* left as sent: the limits check reports it */
      }
    }
  }
  return fields;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
