// The fake LINE platform of the feature tests (test/fakes/line-platform.ts: single-use reply tokens, pushes
// deduplicated by X-Line-Retry-Key, every message checked against LINE's limits), counting per webhook
// event how many answers reached the resident: the evidence for "answered exactly once" and "events lost
// = 0". Pushes are matched to their event through the retry key the bot derives from the event id.
import { FakeLinePlatform, type Delivery } from "../../test/fakes/line-platform.js";
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

interface EventOf {
  eventId: string;
  user: string;
}

/** Long enough that a backlog answered late still replies: the bench measures the bot, not token expiry. */
const TOKEN_TTL_MS = 24 * 60 * 60_000;

export class LineApiSink {
  readonly answers = new Map<string, LineAnswer>();
  private readonly tokens = new Map<string, EventOf>();
  private readonly pushKeys = new Map<string, EventOf>();
  private readonly failingUsers = new Set<string>();

  private constructor(readonly platform: FakeLinePlatform) {}

  static async start(accessToken: string): Promise<LineApiSink> {
    let sink: LineApiSink | undefined;
    const platform = await FakeLinePlatform.start({
      channelAccessToken: accessToken,
      replyTokenTtlMs: TOKEN_TTL_MS,
      keepDeliveries: false,
      onDelivered: (d) => sink!.record(d),
    });
    sink = new LineApiSink(platform);
    return sink;
  }

  get baseUrl(): string {
    return this.platform.baseUrl;
  }

  /** Every API call received. */
  get calls(): number {
    return this.platform.calls.length;
  }

  /** Calls refused because a message broke LINE's limits (must stay 0). */
  get invalidPayloads(): number {
    return this.platform.rejected.filter((r) => r.problems).length;
  }

  /** A fresh reply token for the event `eventId` of `user`; a push for the event is recognised by its retry key. */
  issue(eventId: string, user: string): string {
    const token = this.platform.issueReplyToken();
    this.tokens.set(token, { eventId, user });
    this.pushKeys.set(retryKeyFor(eventId), { eventId, user });
    if (this.failingUsers.has(user)) this.platform.failReplyToken(token, 400);
    return token;
  }

  /**
   * Every reply and push for this user is refused for good, 400 (one event of a batch whose handling fails;
   * a 5xx would be an outage, which answers wait out: see failAll).
   */
  failUser(user: string): void {
    this.failingUsers.add(user);
    this.platform.failRecipient(user, 400);
    for (const [token, event] of this.tokens) if (event.user === user) this.platform.failReplyToken(token, 400);
  }

  /** LINE answers every call with `status` for `ms` (503: an outage; 429 with Retry-After: throttling). */
  failAll(status: number, ms: number, retryAfter?: string): void {
    this.platform.failAll(status, ms, retryAfter ? { "retry-after": retryAfter } : {});
  }

  refuseConnections(ms: number): Promise<void> {
    return this.platform.refuseConnections(ms);
  }

  get outageRefusals(): number {
    return this.platform.outageRefusals;
  }

  get connections(): number {
    return this.platform.connections;
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

  close(): Promise<void> {
    return this.platform.close();
  }

  private record(d: Delivery): void {
    const event = d.via === "reply" ? this.tokens.get(d.replyToken) : this.pushKeys.get(d.retryKey);
    const eventId = event?.eventId ?? `push:${d.via === "push" ? d.retryKey : d.replyToken}`;
    const existing = this.answers.get(eventId);
    if (existing) {
      existing.count++;
      return;
    }
    const first = d.messages.find((m) => (m as { type?: string }).type === "text") as { text?: string } | undefined;
    const flex = d.messages.find((m) => (m as { type?: string }).type === "flex") as { altText?: string } | undefined;
    const text = [first?.text ?? "", flex?.altText ?? ""].join("\n").slice(0, 300);
    this.answers.set(eventId, {
      eventId,
      user: event?.user ?? (d.via === "push" ? d.to : ""),
      via: d.via,
      text,
      count: 1,
    });
  }
}
