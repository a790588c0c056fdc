// A fake LINE Messaging API on 127.0.0.1 for load runs, lean enough to take thousands of calls a second:
// reply tokens it issued are single-use (a second use is refused as LINE does), pushes are matched to
// events through their X-Line-Retry-Key, and every message is checked against LINE's limits with the
// channel's own validator. It counts, per webhook event, how many answers reached the resident — the
// evidence for "answered exactly once" and "events lost = 0". (test/fakes/line-platform.ts is the
// feature-test fake; this one is compiled with the bench, which cannot import test code.)
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { validateLineMessages } from "../../src/channels/line/line-limits.js";
import { retryKeyFor } from "../../src/channels/line/retry-key.js";

export interface LineAnswer {
  eventId: string;
  user: string;
  via: "reply" | "push";
  /** The first text message of the answer, cut to 300 characters (enough to check what was said). */
  text: string;
  /** How many answers this event got (more than 1 is a duplicate answer). */
  count: number;
}

interface IssuedToken { eventId: string; user: string; used: boolean }

export class LineApiSink {
  readonly answers = new Map<string, LineAnswer>();
  /** Calls refused because a message broke LINE's limits (must stay 0). */
  invalidPayloads = 0;
  /** Replies with a used or unknown token (the bot then pushes; counted to show what happened). */
  refusedTokens = 0;
  loadingCalls = 0;
  calls = 0;
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly pushKeys = new Map<string, { eventId: string; user: string }>();
  private readonly failingUsers = new Set<string>();

  private constructor(private readonly server: Server, readonly baseUrl: string, private readonly accessToken: string) {}

  static async start(accessToken: string): Promise<LineApiSink> {
    let sink: LineApiSink | undefined;
    const server = createServer((req, res) => void sink!.handle(req, res));
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((res) => server.listen(0, "127.0.0.1", res));
    sink = new LineApiSink(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, accessToken);
    return sink;
  }

  /** A fresh reply token for the event `eventId` of `user`; a push for the event is recognised by its retry key. */
  issue(eventId: string, user: string): string {
    const token = randomBytes(16).toString("hex");
    this.tokens.set(token, { eventId, user, used: false });
    this.pushKeys.set(retryKeyFor(eventId), { eventId, user });
    return token;
  }

  /** Every reply and push for this user fails with 500 (one event of a batch whose handling fails). */
  failUser(user: string): void {
    this.failingUsers.add(user);
  }

  answered(eventId: string): number {
    return this.answers.get(eventId)?.count ?? 0;
  }

  /** Answers whose event got more than one. */
  duplicateAnswers(): number {
    let n = 0;
    for (const a of this.answers.values()) n += a.count - 1;
    return n;
  }

  answersTo(user: string): LineAnswer[] {
    return [...this.answers.values()].filter((a) => a.user === user);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((res) => this.server.close(() => res()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    this.calls++;
    const [status, body] = this.route(req, Buffer.concat(chunks).toString("utf8"));
    res.writeHead(status, { "content-type": "application/json", "x-line-request-id": randomBytes(8).toString("hex") });
    res.end(JSON.stringify(body));
  }

  private route(req: IncomingMessage, raw: string): [number, object] {
    if (req.headers.authorization !== `Bearer ${this.accessToken}`) return [401, { message: "Authentication failed" }];
    const path = (req.url ?? "").split("?")[0];
    let json: { replyToken?: string; to?: string; messages?: unknown[] };
    try {
      json = JSON.parse(raw) as typeof json;
    } catch {
      return [400, { message: "The request body has 1 error(s)" }];
    }
    if (path === "/v2/bot/chat/loading/start") {
      this.loadingCalls++;
      return [202, {}];
    }
    if (path !== "/v2/bot/message/reply" && path !== "/v2/bot/message/push") return [404, { message: "Not found" }];
    if (validateLineMessages(json.messages ?? []).length > 0) {
      this.invalidPayloads++;
      return [400, { message: "A message (messages[0]) in the request body is invalid" }];
    }
    return path.endsWith("/reply") ? this.reply(json.replyToken, json.messages!) : this.push(req.headers["x-line-retry-key"], json.to, json.messages!);
  }

  private reply(token: string | undefined, messages: unknown[]): [number, object] {
    const issued = token ? this.tokens.get(token) : undefined;
    if (!issued || issued.used) {
      this.refusedTokens++;
      return [400, { message: "Invalid reply token" }];
    }
    if (this.failingUsers.has(issued.user)) return [500, { message: "injected failure" }];
    issued.used = true;
    this.record(issued.eventId, issued.user, "reply", messages);
    return [200, { sentMessages: [] }];
  }

  private push(retryKey: string | string[] | undefined, to: string | undefined, messages: unknown[]): [number, object] {
    if (!to) return [400, { message: "The property, 'to', in the request body is invalid" }];
    if (this.failingUsers.has(to)) return [500, { message: "injected failure" }];
    const key = typeof retryKey === "string" ? retryKey : undefined;
    const event = key ? this.pushKeys.get(key) : undefined;
    if (event && this.answers.has(event.eventId) && this.answers.get(event.eventId)!.via === "push") return [409, { message: "The retry key is already accepted" }];
    this.record(event?.eventId ?? `push:${key ?? randomBytes(4).toString("hex")}`, to, "push", messages);
    return [200, { sentMessages: [] }];
  }

  private record(eventId: string, user: string, via: "reply" | "push", messages: unknown[]): void {
    const existing = this.answers.get(eventId);
    if (existing) {
      existing.count++;
      return;
    }
    const first = messages.find((m) => (m as { type?: string }).type === "text") as { text?: string } | undefined;
    const flex = messages.find((m) => (m as { type?: string }).type === "flex") as { altText?: string } | undefined;
    const text = [first?.text ?? "", flex?.altText ?? ""].join("\n").slice(0, 300);
    this.answers.set(eventId, { eventId, user, via, text, count: 1 });
  }
}
