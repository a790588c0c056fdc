// Slack request signing, checked over the raw body bytes before anything parses them.
// Wire format: X-Slack-Signature = "v0=" + hex(HMAC-SHA256(signing secret, "v0:" + X-Slack-Request-Timestamp + ":" + body)).
// Unlike Bolt's own check, a timestamp too far in the FUTURE is rejected as well (a replay window both ways).
import { createHmac, timingSafeEqual } from "node:crypto";

/** Slack's window: a request more than five minutes away from now, either way, is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export type SignatureFailure =
  | "missing-secret"
  | "missing-headers"
  | "bad-timestamp"
  | "stale"
  | "bad-version"
  | "mismatch";

export type SignatureCheck = { ok: true } | { ok: false; reason: SignatureFailure };

export interface SignedRequest {
  signingSecret: string;
  rawBody: Buffer;
  /** The X-Slack-Request-Timestamp header as received (Unix seconds). */
  timestamp: string | undefined;
  /** The X-Slack-Signature header as received. */
  signature: string | undefined;
  /** Milliseconds since the epoch; injectable so tests control the clock. */
  now?: () => number;
}

export function verifySlackSignature(req: SignedRequest): SignatureCheck {
  if (!req.signingSecret) return { ok: false, reason: "missing-secret" };
  if (!req.timestamp || !req.signature) return { ok: false, reason: "missing-headers" };
  if (!/^\d{1,12}$/.test(req.timestamp)) return { ok: false, reason: "bad-timestamp" };
  const nowSeconds = Math.floor((req.now ?? Date.now)() / 1000);
  if (Math.abs(nowSeconds - Number(req.timestamp)) > MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: "stale" };
  if (!req.signature.startsWith("v0=")) return { ok: false, reason: "bad-version" };
  const expected = Buffer.from(signSlackBody(req.signingSecret, req.timestamp, req.rawBody), "latin1");
  const received = Buffer.from(req.signature, "latin1");
  if (received.length !== expected.length || !timingSafeEqual(received, expected))
    return { ok: false, reason: "mismatch" };
  return { ok: true };
}

/** The signature Slack would send for this body and timestamp (also what tests use to sign requests). */
export function signSlackBody(signingSecret: string, timestamp: string, rawBody: Buffer | string): string {
  const hmac = createHmac("sha256", signingSecret);
  hmac.update(`v0:${timestamp}:`, "utf8");
  hmac.update(typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : rawBody);
  return `v0=${hmac.digest("hex")}`;
}
