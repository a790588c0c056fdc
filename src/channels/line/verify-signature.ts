// LINE's webhook signature: x-line-signature = base64(HMAC-SHA256(channel secret, raw body bytes)).
// Checked over the raw bytes before anything parses them; a re-serialised body would not match.
import { createHmac, timingSafeEqual } from "node:crypto";

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** true only when `signature` is the exact base64 HMAC of `rawBody`. Timing-safe; never throws. */
export function verifyLineSignature(
  channelSecret: string,
  rawBody: Uint8Array,
  signature: string | string[] | undefined,
): boolean {
  if (typeof signature !== "string" || !BASE64.test(signature.trim())) return false;
  const expected = createHmac("sha256", channelSecret).update(rawBody).digest();
  const given = Buffer.from(signature.trim(), "base64");
  // timingSafeEqual needs equal lengths; a length mismatch reveals nothing about the secret.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The signature LINE would send for `rawBody` (used by the fake platform and the tests). */
export function signLineBody(channelSecret: string, rawBody: Uint8Array | string): string {
  return createHmac("sha256", channelSecret).update(rawBody).digest("base64");
}
