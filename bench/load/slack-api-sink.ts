// A fake Slack Web API on 127.0.0.1 for load runs: auth.test, the chat.* and views.* methods the bot
// calls, and response_url posts. Every payload is checked with the Slack channel's own Block Kit limits;
// answers are counted per thread (an app_mention is answered in the thread under it), so a retried
// event_id that was answered twice shows up. (test/fakes/slack-api.ts is the feature-test fake.)
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parse as parseQuery } from "node:querystring";
import { blockKitProblems, viewProblems } from "../../src/channels/slack/block-limits.js";

export class SlackApiSink {
  /** chat.postMessage calls per thread_ts (or channel when not in a thread). */
  readonly postsByThread = new Map<string, number>();
  readonly responseUrlPosts = new Map<string, number>();
  invalidPayloads = 0;
  calls = 0;
  private seq = 0;

  private constructor(private readonly server: Server, readonly origin: string, private readonly botToken: string) {}

  static async start(botToken: string): Promise<SlackApiSink> {
    let sink: SlackApiSink | undefined;
    const server = createServer((req, res) => void sink!.handle(req, res));
    await new Promise<void>((res) => server.listen(0, "127.0.0.1", res));
    sink = new SlackApiSink(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, botToken);
    return sink;
  }

  /** What SLACK_API_URL is set to. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  responseUrl(): string {
    return `${this.origin}/response/${++this.seq}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((res) => this.server.close(() => res()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    this.calls++;
    const path = (req.url ?? "").split("?")[0] ?? "";
    const body = path.startsWith("/response/") ? this.onResponseUrl(path, chunks) : this.onApi(path.slice("/api/".length), req, Buffer.concat(chunks).toString("utf8"));
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }

  private onResponseUrl(path: string, chunks: Buffer[]): object {
    let args: Record<string, unknown>;
    try {
      args = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
    } catch {
      return { ok: false, error: "invalid_json" };
    }
    if (!args["delete_original"] && blockKitProblems(args).length > 0) return this.invalid();
    this.responseUrlPosts.set(path, (this.responseUrlPosts.get(path) ?? 0) + 1);
    return { ok: true };
  }

  private onApi(method: string, req: IncomingMessage, raw: string): object {
    const args = decode(req.headers["content-type"], raw);
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "") || String(args["token"] ?? "");
    if (token !== this.botToken) return { ok: false, error: "invalid_auth" };
    const ts = `${1_700_000_000 + ++this.seq}.000100`;
    switch (method) {
      case "auth.test":
        return { ok: true, user_id: "UBOT0001", bot_id: "BBOT0001", team_id: "T0001", user: "madoguchi" };
      case "chat.postMessage":
      case "chat.postEphemeral":
      case "chat.update": {
        if (blockKitProblems(args as { text?: unknown; blocks?: unknown }).length > 0) return this.invalid();
        const thread = String(args["thread_ts"] ?? args["channel"] ?? "");
        if (method === "chat.postMessage") this.postsByThread.set(thread, (this.postsByThread.get(thread) ?? 0) + 1);
        return { ok: true, channel: args["channel"], ts, message_ts: ts };
      }
      case "views.publish":
      case "views.open":
        return viewProblems(args["view"]).length > 0 ? this.invalid() : { ok: true };
      default:
        return { ok: true };
    }
  }

  private invalid(): object {
    this.invalidPayloads++;
    return { ok: false, error: "invalid_blocks" };
  }
}

/** The Web API client sends form fields with JSON-encoded objects; some callers send JSON. */
function decode(contentType: string | undefined, raw: string): Record<string, unknown> {
  let fields: Record<string, unknown>;
  try {
    fields = contentType?.startsWith("application/json") ? (JSON.parse(raw || "{}") as Record<string, unknown>) : { ...parseQuery(raw) };
  } catch {
    return {};
  }
  for (const key of ["blocks", "view"]) {
    const v = fields[key];
    if (typeof v === "string") {
      try {
        fields[key] = JSON.parse(v);
      } catch {
        /* left as sent: the limits check reports it */
      }
    }
  }
  return fields;
}
