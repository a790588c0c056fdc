// Outbound calls to the LINE Messaging API: reply, push, loading animation, rich menus.
// Every call has a timeout (the SDK's client has none) and bounded, jittered retries on 429/5xx; after a 429
// the whole client holds back until the wait is over, so a throttled channel does not storm LINE.
import type { messagingApi } from "@line/bot-sdk";
import { DEFAULT_RETRY_POLICY, isRetryable, retryDelayMs, type RetryPolicy } from "./retry-policy.js";
import { SILENT_LOG, type LineLog } from "./line-log.js";

export const LINE_API_BASE_URL = "https://api.line.me";
export const LINE_DATA_API_BASE_URL = "https://api-data.line.me";

export interface LineApiClientOptions {
  channelAccessToken: string;
  /** Messaging API base URL (LINE_API_BASE_URL); tests point it at the fake platform. */
  apiBaseUrl?: string;
  /** Base URL for content uploads (rich menu images); defaults to apiBaseUrl when that is overridden. */
  dataApiBaseUrl?: string;
  timeoutMs?: number;
  retry?: RetryPolicy;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  log?: LineLog;
}

export interface LineApiResult {
  status: number;
  requestId: string | null;
  body: unknown;
}

/** A call that failed for good; carries the evidence (endpoint, status, LINE's request id and error body). */
export class LineApiError extends Error {
  override name = "LineApiError";
  /** LINE's Retry-After header (seconds), when it sent one. */
  retryAfter: string | null = null;

  constructor(
    readonly endpoint: string,
    readonly status: number | undefined,
    readonly requestId: string | null,
    readonly body: unknown,
    cause?: unknown,
  ) {
    super(
      `LINE ${endpoint} failed: ${status ?? "no response"}${body && typeof body === "object" && "message" in body ? ` (${String((body as { message: unknown }).message)})` : ""}`,
      { cause },
    );
  }
}

interface CallSpec {
  method: "GET" | "POST" | "DELETE";
  path: string;
  body?: unknown;
  rawBody?: { bytes: Uint8Array; contentType: string };
  headers?: Record<string, string>;
  data?: boolean;
  /** Statuses that count as success besides 2xx (409 on a repeated push: already accepted). */
  accept?: number[];
}

export class LineApiClient {
  private readonly opts: Required<Omit<LineApiClientOptions, "dataApiBaseUrl">> & { dataApiBaseUrl: string };
  private pausedUntil = 0;

  constructor(options: LineApiClientOptions) {
    const apiBaseUrl = (options.apiBaseUrl ?? LINE_API_BASE_URL).replace(/\/+$/, "");
    this.opts = {
      channelAccessToken: options.channelAccessToken,
      apiBaseUrl,
      dataApiBaseUrl: (options.dataApiBaseUrl ?? (options.apiBaseUrl ? apiBaseUrl : LINE_DATA_API_BASE_URL)).replace(
        /\/+$/,
        "",
      ),
      timeoutMs: options.timeoutMs ?? 10_000,
      retry: options.retry ?? DEFAULT_RETRY_POLICY,
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
      sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
      random: options.random ?? Math.random,
      now: options.now ?? Date.now,
      log: options.log ?? SILENT_LOG,
    };
  }

  reply(replyToken: string, messages: messagingApi.Message[]): Promise<LineApiResult> {
    return this.call({
      method: "POST",
      path: "/v2/bot/message/reply",
      body: { replyToken, messages } satisfies messagingApi.ReplyMessageRequest,
    });
  }

  /** A push; `retryKey` (a UUID) makes repeats of the same push harmless: LINE answers 409, taken as success. */
  push(to: string, messages: messagingApi.Message[], retryKey: string): Promise<LineApiResult> {
    return this.call({
      method: "POST",
      path: "/v2/bot/message/push",
      body: { to, messages } satisfies messagingApi.PushMessageRequest,
      headers: { "X-Line-Retry-Key": retryKey },
      accept: [409],
    });
  }

  /** The "…" typing indicator in a one-to-one chat, for 5–60 seconds (multiples of 5). */
  showLoadingAnimation(chatId: string, loadingSeconds: number): Promise<LineApiResult> {
    const seconds = Math.min(60, Math.max(5, Math.ceil(loadingSeconds / 5) * 5));
    return this.call({
      method: "POST",
      path: "/v2/bot/chat/loading/start",
      body: { chatId, loadingSeconds: seconds } satisfies messagingApi.ShowLoadingAnimationRequest,
    });
  }

  validateRichMenu(menu: messagingApi.RichMenuRequest): Promise<LineApiResult> {
    return this.call({ method: "POST", path: "/v2/bot/richmenu/validate", body: menu });
  }

  async createRichMenu(menu: messagingApi.RichMenuRequest): Promise<string> {
    const result = await this.call({ method: "POST", path: "/v2/bot/richmenu", body: menu });
    return (result.body as messagingApi.RichMenuIdResponse).richMenuId;
  }

  uploadRichMenuImage(richMenuId: string, png: Uint8Array): Promise<LineApiResult> {
    return this.call({
      method: "POST",
      path: `/v2/bot/richmenu/${encodeURIComponent(richMenuId)}/content`,
      rawBody: { bytes: png, contentType: "image/png" },
      data: true,
    });
  }

  setDefaultRichMenu(richMenuId: string): Promise<LineApiResult> {
    return this.call({ method: "POST", path: `/v2/bot/user/all/richmenu/${encodeURIComponent(richMenuId)}` });
  }

  async listRichMenus(): Promise<messagingApi.RichMenuResponse[]> {
    const result = await this.call({ method: "GET", path: "/v2/bot/richmenu/list" });
    return (result.body as messagingApi.RichMenuListResponse).richmenus;
  }

  deleteRichMenu(richMenuId: string): Promise<LineApiResult> {
    return this.call({ method: "DELETE", path: `/v2/bot/richmenu/${encodeURIComponent(richMenuId)}` });
  }

  private async call(spec: CallSpec): Promise<LineApiResult> {
    const { retry } = this.opts;
    for (let attempt = 1; ; attempt++) {
      await this.waitOutPause();
      const outcome = await this.attempt(spec);
      if ("result" in outcome) return outcome.result;
      const { error, retryAfter } = outcome;
      error.retryAfter = retryAfter;
      if (attempt >= retry.maxAttempts || !isRetryable(error.status, error.body)) throw error;
      const delay = retryDelayMs(retry, attempt, retryAfter, this.opts.random);
      this.opts.log.warn(
        { endpoint: spec.path, status: error.status ?? null, attempt, delayMs: delay },
        "line api retry",
      );
      // A 429 holds back every call of this client (waitOutPause at the top of the loop); other errors only this one.
      if (error.status === 429) this.pausedUntil = Math.max(this.pausedUntil, this.opts.now() + delay);
      else await this.opts.sleep(delay);
    }
  }

  private async attempt(
    spec: CallSpec,
  ): Promise<{ result: LineApiResult } | { error: LineApiError; retryAfter: string | null }> {
    const base = spec.data ? this.opts.dataApiBaseUrl : this.opts.apiBaseUrl;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.opts.channelAccessToken}`,
      ...spec.headers,
    };
    let body: BodyInit | undefined;
    if (spec.rawBody) {
      headers["Content-Type"] = spec.rawBody.contentType;
      body = Buffer.from(spec.rawBody.bytes);
    } else if (spec.body !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(spec.body);
    }
    let response: Response;
    try {
      response = await this.opts.fetch(`${base}${spec.path}`, {
        method: spec.method,
        headers,
        body,
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
    } catch (e) {
      this.opts.log.warn({ endpoint: spec.path, status: null, error: (e as Error).name }, "line api call failed");
      return { error: new LineApiError(spec.path, undefined, null, null, e), retryAfter: null };
    }
    const requestId = response.headers.get("x-line-request-id");
    const parsed = await readJson(response);
    this.opts.log.info({ endpoint: spec.path, status: response.status, lineRequestId: requestId }, "line api call");
    if (response.ok || spec.accept?.includes(response.status))
      return { result: { status: response.status, requestId, body: parsed } };
    return {
      error: new LineApiError(spec.path, response.status, requestId, parsed),
      retryAfter: response.headers.get("retry-after"),
    };
  }

  private async waitOutPause(): Promise<void> {
    const wait = this.pausedUntil - this.opts.now();
    if (wait > 0) await this.opts.sleep(Math.min(wait, this.opts.retry.maxDelayMs));
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => "");
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { message: text.slice(0, 200) };
  }
}
