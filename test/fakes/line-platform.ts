// A fake LINE platform on 127.0.0.1 for tests: the Messaging API endpoints the bot calls (reply, push, loading
// animation, rich menus) and the webhook side (signed deliveries with fresh reply tokens).
// It behaves like LINE where it matters to us: reply tokens are single-use and expire, pushes honour
// X-Line-Retry-Key (409 on repeat), every message is checked against LINE's limits, and a bad request is
// refused and recorded with the reason, so a test can assert both what residents saw and what was refused.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { randomBytes, randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { validateLineMessages, LINE_LIMITS, type LimitProblem } from "../../src/channels/line/line-limits.js";
import { signLineBody } from "../../src/channels/line/verify-signature.js";

export interface RecordedReply {
  replyToken: string;
  messages: unknown[];
}
export interface RecordedPush {
  to: string;
  messages: unknown[];
  retryKey: string;
}
export interface RecordedLoading {
  chatId: string;
  loadingSeconds: number;
}
export interface RejectedCall {
  endpoint: string;
  status: number;
  reason: string;
  problems?: LimitProblem[];
}
export interface FakeRichMenu {
  richMenuId: string;
  menu: Record<string, unknown>;
  image?: { contentType: string; bytes: Buffer };
}

/** A reply or push the platform accepted. */
export type Delivery = ({ via: "reply"; replyToken: string } | { via: "push"; to: string; retryKey: string }) & {
  messages: unknown[];
};

export interface FakeLinePlatformOptions {
  channelAccessToken: string;
  /** How long a reply token stays valid (LINE: about one minute). */
  replyTokenTtlMs?: number;
  now?: () => number;
  /** Hears every accepted reply and push (the load bench counts answers per event). */
  onDelivered?: (delivery: Delivery) => void;
  /** Keep `replies` and `pushes` (default true; a long load run only counts). */
  keepDeliveries?: boolean;
}

interface InjectedFailure {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  remaining: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class FakeLinePlatform {
  readonly replies: RecordedReply[] = [];
  readonly pushes: RecordedPush[] = [];
  readonly loadings: RecordedLoading[] = [];
  readonly rejected: RejectedCall[] = [];
  readonly richMenus = new Map<string, FakeRichMenu>();
  defaultRichMenuId: string | undefined;
  /** Every call received, in order: endpoint and status answered. */
  readonly calls: { endpoint: string; status: number }[] = [];

  private readonly tokens = new Map<string, { expiresAt: number; used: boolean }>();
  private readonly retryKeys = new Set<string>();
  private readonly failures = new Map<string, InjectedFailure>();
  private readonly brokenTokens = new Map<string, number>();
  private readonly brokenRecipients = new Map<string, number>();
  private readonly delays = new Map<string, number>();
  private readonly holds = new Map<string, Promise<void>>();
  /** Calls that reached an endpoint while it was held (see hold). */
  heldCalls = 0;
  private outage: { status: number; headers: Record<string, string>; until: number } | undefined;
  /** Calls answered with the outage's status; TCP connections opened (keep-alive shows as few). */
  outageRefusals = 0;
  connections = 0;
  private readonly now: () => number;

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    private readonly options: FakeLinePlatformOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  static async start(options: FakeLinePlatformOptions): Promise<FakeLinePlatform> {
    let platform: FakeLinePlatform | undefined;
    const server = createServer((req, res) => void platform!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    platform = new FakeLinePlatform(server, `http://127.0.0.1:${port}`, options);
    server.on("connection", () => {
      platform!.connections++;
    });
    return platform;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    if (this.server.listening) await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A fresh reply token, as LINE puts in a webhook event. */
  issueReplyToken(ttlMs = this.options.replyTokenTtlMs ?? 60_000): string {
    const token = randomBytes(16).toString("hex");
    this.tokens.set(token, { expiresAt: this.now() + ttlMs, used: false });
    return token;
  }

  /** The next `times` calls to `endpoint` (e.g. "/v2/bot/message/reply") answer `status` instead. */
  failNext(
    endpoint: string,
    status: number,
    times = 1,
    body: unknown = { message: "injected failure" },
    headers: Record<string, string> = {},
  ): void {
    this.failures.set(endpoint, { status, body, headers, remaining: times });
  }

  /** Every reply with this token answers `status` (a LINE outage that hits one event of a batch). */
  failReplyToken(token: string, status = 500): void {
    this.brokenTokens.set(token, status);
  }

  /** Every push to this user answers `status` (with failReplyToken: a resident whose answers all fail). */
  failRecipient(to: string, status = 500): void {
    this.brokenRecipients.set(to, status);
  }

  /** An outage: every API call answers `status` (503; 429 with a Retry-After header) for `ms`. */
  failAll(status: number, ms: number, headers: Record<string, string> = {}): void {
    this.outage = { status, headers, until: this.now() + ms };
  }

  /** LINE refusing connections for `ms`: the port stops listening, then listens again. */
  async refuseConnections(ms: number): Promise<void> {
    const port = Number(new URL(this.baseUrl).port);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await new Promise((r) => setTimeout(r, ms));
    await new Promise<void>((resolve) => this.server.listen(port, "127.0.0.1", resolve));
  }

  /** Calls to `endpoint` wait `ms` before answering (to exercise client timeouts). */
  delay(endpoint: string, ms: number): void {
    this.delays.set(endpoint, ms);
  }

  /** Calls to `endpoint` wait, unanswered, until the returned function is called (answering kept busy). */
  hold(endpoint: string): () => void {
    let release!: () => void;
    this.holds.set(endpoint, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.holds.delete(endpoint);
      release();
    };
  }

  /** Every message delivered to residents so far, replies and pushes together. */
  get delivered(): { via: "reply" | "push"; messages: unknown[] }[] {
    return [
      ...this.replies.map((r) => ({ via: "reply" as const, messages: r.messages })),
      ...this.pushes.map((p) => ({ via: "push" as const, messages: p.messages })),
    ];
  }

  /** Resolves once `predicate` holds; rejects after `timeoutMs`. */
  async waitFor(predicate: () => boolean, timeoutMs = 5_000, what = "condition"): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`fake LINE platform: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  // ---- webhook side -------------------------------------------------------------------------------

  /**
   * POSTs a webhook body to the bot the way LINE does, signed with `channelSecret` (or with `signature`);
   * `send` is fetch, or the server's in-process request function.
   */
  async deliver(
    url: string,
    channelSecret: string,
    body: object | string,
    signature?: string | null,
    send: (url: string, init: RequestInit) => Promise<Response> = fetch,
  ): Promise<Response> {
    const raw = typeof body === "string" ? body : JSON.stringify(body);
    const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
    const sig = signature === undefined ? signLineBody(channelSecret, raw) : signature;
    if (sig !== null) headers["x-line-signature"] = sig;
    return send(url, { method: "POST", headers, body: raw });
  }

  // ---- API side -----------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.baseUrl);
    const endpoint = url.pathname;
    const raw = await readBody(req);
    const wait = this.delays.get(endpoint);
    if (wait) await new Promise((r) => setTimeout(r, wait));
    const held = this.holds.get(endpoint);
    if (held) {
      this.heldCalls++;
      await held;
    }
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      this.calls.push({ endpoint, status });
      res.writeHead(status, { "content-type": "application/json", "x-line-request-id": randomUUID(), ...headers });
      res.end(JSON.stringify(body ?? {}));
    };
    const reject = (status: number, reason: string, problems?: LimitProblem[]) => {
      this.rejected.push({ endpoint, status, reason, ...(problems ? { problems } : {}) });
      answer(status, {
        message: reason,
        ...(problems ? { details: problems.map((p) => ({ message: p.message, property: p.path })) } : {}),
      });
    };
    if (req.headers.authorization !== `Bearer ${this.options.channelAccessToken}`)
      return reject(401, "Authentication failed. Confirm that the access token in the authorization header is valid.");
    if (raw.length > LINE_LIMITS.requestBytes) return reject(413, "Request Entity Too Large");
    if (this.outage && this.now() < this.outage.until) {
      this.outageRefusals++;
      return answer(
        this.outage.status,
        { message: this.outage.status === 429 ? "Too Many Requests" : "Service Unavailable" },
        this.outage.headers,
      );
    }
    const failure = this.failures.get(endpoint);
    if (failure && failure.remaining > 0) {
      failure.remaining--;
      return answer(failure.status, failure.body, failure.headers);
    }
    const route = this.route(req.method ?? "GET", endpoint);
    if (!route) return reject(404, `Not found: ${req.method} ${endpoint}`);
    const json = route.raw ? undefined : parseJson(raw);
    if (!route.raw && json === undefined && req.method === "POST" && raw.length > 0)
      return reject(400, "The request body has 1 error(s): invalid JSON");
    route.run({ req, json: (json ?? {}) as Record<string, unknown>, raw, answer, reject, params: route.params });
  }

  private route(
    method: string,
    path: string,
  ): { raw?: boolean; params: string[]; run: (c: CallContext) => void } | undefined {
    const m = (re: RegExp) => path.match(re)?.slice(1);
    let p: string[] | undefined;
    if (method === "POST" && path === "/v2/bot/message/reply") return { params: [], run: (c) => this.reply(c) };
    if (method === "POST" && path === "/v2/bot/message/push") return { params: [], run: (c) => this.push(c) };
    if (method === "POST" && path === "/v2/bot/chat/loading/start") return { params: [], run: (c) => this.loading(c) };
    if (method === "POST" && path === "/v2/bot/richmenu/validate")
      return { params: [], run: (c) => this.validateRichMenu(c) };
    if (method === "POST" && path === "/v2/bot/richmenu") return { params: [], run: (c) => this.createRichMenu(c) };
    if (method === "GET" && path === "/v2/bot/richmenu/list")
      return {
        params: [],
        run: (c) =>
          c.answer(200, {
            richmenus: [...this.richMenus.values()].map((r) => ({ richMenuId: r.richMenuId, ...r.menu })),
          }),
      };
    if (method === "POST" && (p = m(/^\/v2\/bot\/richmenu\/([^/]+)\/content$/)))
      return { raw: true, params: p, run: (c) => this.uploadImage(c) };
    if (method === "POST" && (p = m(/^\/v2\/bot\/user\/all\/richmenu\/([^/]+)$/)))
      return { params: p, run: (c) => this.setDefault(c) };
    if (method === "DELETE" && (p = m(/^\/v2\/bot\/richmenu\/([^/]+)$/)))
      return { params: p, run: (c) => this.deleteRichMenu(c) };
    return undefined;
  }

  private reply(c: CallContext): void {
    const { replyToken, messages } = c.json as { replyToken?: unknown; messages?: unknown };
    if (typeof replyToken !== "string" || !Array.isArray(messages))
      return c.reject(400, "replyToken and messages are required");
    const broken = this.brokenTokens.get(replyToken);
    if (broken) return c.answer(broken, { message: "injected failure" });
    const problems = validateLineMessages(messages);
    if (problems.length > 0) return c.reject(400, "A message (messages[0]) in the request body is invalid", problems);
    const token = this.tokens.get(replyToken);
    if (!token || token.used || token.expiresAt < this.now()) return c.reject(400, "Invalid reply token");
    token.used = true;
    this.record({ via: "reply", replyToken, messages });
    c.answer(200, { sentMessages: messages.map(() => ({ id: randomBytes(8).toString("hex") })) });
  }

  private push(c: CallContext): void {
    const retryKey = c.req.headers["x-line-retry-key"];
    if (typeof retryKey !== "string" || !UUID.test(retryKey)) return c.reject(400, "X-Line-Retry-Key must be a UUID");
    if (this.retryKeys.has(retryKey)) return c.answer(409, { message: "The retry key is already accepted" });
    const { to, messages } = c.json as { to?: unknown; messages?: unknown };
    if (typeof to !== "string" || to.length === 0 || !Array.isArray(messages))
      return c.reject(400, "to and messages are required");
    const broken = this.brokenRecipients.get(to);
    if (broken) return c.answer(broken, { message: "injected failure" });
    const problems = validateLineMessages(messages);
    if (problems.length > 0) return c.reject(400, "A message (messages[0]) in the request body is invalid", problems);
    this.retryKeys.add(retryKey);
    this.record({ via: "push", to, retryKey, messages });
    c.answer(200, { sentMessages: messages.map(() => ({ id: randomBytes(8).toString("hex") })) });
  }

  private record(d: Delivery): void {
    if (this.options.keepDeliveries !== false) {
      if (d.via === "reply") this.replies.push({ replyToken: d.replyToken, messages: d.messages });
      else this.pushes.push({ to: d.to, messages: d.messages, retryKey: d.retryKey });
    }
    this.options.onDelivered?.(d);
  }

  private loading(c: CallContext): void {
    const { chatId, loadingSeconds } = c.json as { chatId?: unknown; loadingSeconds?: unknown };
    if (typeof chatId !== "string" || !chatId.startsWith("U"))
      return c.reject(400, "chatId must be a user id: the loading animation is for one-to-one chats");
    const seconds = loadingSeconds ?? 20;
    if (typeof seconds !== "number" || seconds < 5 || seconds > 60 || seconds % 5 !== 0)
      return c.reject(400, "loadingSeconds must be 5–60 in steps of 5");
    this.loadings.push({ chatId, loadingSeconds: seconds });
    c.answer(202, {});
  }

  private richMenuProblems(menu: Record<string, unknown>): string | undefined {
    const size = menu["size"] as { width?: number; height?: number } | undefined;
    if (size?.width !== 2500 || (size.height !== 1686 && size.height !== 843))
      return "size must be 2500x1686 or 2500x843";
    if (typeof menu["name"] !== "string" || menu["name"].length > 300) return "name is required (≤ 300 characters)";
    if (typeof menu["chatBarText"] !== "string" || menu["chatBarText"].length > 14)
      return "chatBarText is required (≤ 14 characters)";
    const areas = menu["areas"];
    if (!Array.isArray(areas) || areas.length < 1 || areas.length > 20) return "areas must have 1–20 entries";
    for (const a of areas as {
      bounds?: { x: number; y: number; width: number; height: number };
      action?: Record<string, unknown>;
    }[]) {
      const b = a.bounds;
      if (!b || b.x < 0 || b.y < 0 || b.x + b.width > size.width || b.y + b.height > size.height)
        return "an area is outside the menu";
      const label = a.action?.["label"];
      if (typeof label === "string" && label.length > LINE_LIMITS.actionLabelUnits)
        return "an action label is over 20 characters";
    }
    return undefined;
  }

  private validateRichMenu(c: CallContext): void {
    const problem = this.richMenuProblems(c.json);
    return problem ? c.reject(400, problem) : c.answer(200, {});
  }

  private createRichMenu(c: CallContext): void {
    const problem = this.richMenuProblems(c.json);
    if (problem) return c.reject(400, problem);
    const richMenuId = `richmenu-${randomBytes(16).toString("hex")}`;
    this.richMenus.set(richMenuId, { richMenuId, menu: c.json });
    c.answer(200, { richMenuId });
  }

  private uploadImage(c: CallContext): void {
    const menu = this.richMenus.get(c.params[0]!);
    if (!menu) return c.reject(404, "Not found rich menu");
    if (menu.image) return c.reject(400, "An image has already been uploaded to the richmenu");
    const contentType = String(c.req.headers["content-type"] ?? "");
    if (contentType !== "image/png" && contentType !== "image/jpeg")
      return c.reject(415, "Content-Type must be image/png or image/jpeg");
    if (c.raw.length > 1024 * 1024) return c.reject(400, "The image is over 1 MB");
    if (
      contentType === "image/png" &&
      !c.raw.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    )
      return c.reject(400, "Not a PNG image");
    menu.image = { contentType, bytes: c.raw };
    c.answer(200, {});
  }

  private setDefault(c: CallContext): void {
    const menu = this.richMenus.get(c.params[0]!);
    if (!menu) return c.reject(404, "Not found rich menu");
    if (!menu.image) return c.reject(400, "must upload richmenu image before applying it to user");
    this.defaultRichMenuId = menu.richMenuId;
    c.answer(200, {});
  }

  private deleteRichMenu(c: CallContext): void {
    if (!this.richMenus.delete(c.params[0]!)) return c.reject(404, "Not found rich menu");
    if (this.defaultRichMenuId === c.params[0]) this.defaultRichMenuId = undefined;
    c.answer(200, {});
  }
}

interface CallContext {
  req: IncomingMessage;
  json: Record<string, unknown>;
  raw: Buffer;
  params: string[];
  answer(status: number, body: unknown, headers?: Record<string, string>): void;
  reject(status: number, reason: string, problems?: LimitProblem[]): void;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}
