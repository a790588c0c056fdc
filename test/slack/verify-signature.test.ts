// The signing check as a table: every row says what must happen, and rejections are asserted, not assumed.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  signSlackBody,
  verifySlackSignature,
  type SignatureFailure,
} from "../../src/channels/slack/verify-signature.js";

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const NOW_MS = 1_700_000_000_000;
const NOW = String(NOW_MS / 1000);
const BODY = Buffer.from(
  '{"token":"x","event_id":"Ev01","event":{"type":"app_mention","text":"児童手当 \\uD83E\\uDD28"}}',
  "utf8",
);
const at = (offsetSeconds: number) => String(NOW_MS / 1000 + offsetSeconds);
const sign = (ts: string, body: Buffer | string = BODY, secret = SECRET) => signSlackBody(secret, ts, body);

interface Row {
  name: string;
  timestamp: string | undefined;
  signature: string | undefined;
  body?: Buffer;
  secret?: string;
  expect: "ok" | SignatureFailure;
}

const rows: Row[] = [
  { name: "valid, signed now", timestamp: NOW, signature: sign(NOW), expect: "ok" },
  { name: "valid, 300 s old (edge of the window)", timestamp: at(-300), signature: sign(at(-300)), expect: "ok" },
  { name: "valid, 300 s ahead (edge of the window)", timestamp: at(300), signature: sign(at(300)), expect: "ok" },
  { name: "301 s old", timestamp: at(-301), signature: sign(at(-301)), expect: "stale" },
  { name: "301 s in the future", timestamp: at(301), signature: sign(at(301)), expect: "stale" },
  { name: "a day old replay", timestamp: at(-86_400), signature: sign(at(-86_400)), expect: "stale" },
  {
    name: "forged with another secret",
    timestamp: NOW,
    signature: sign(NOW, BODY, "not-the-secret"),
    expect: "mismatch",
  },
  {
    name: "body changed after signing",
    timestamp: NOW,
    signature: sign(NOW),
    body: Buffer.from(BODY.toString().replace("Ev01", "Ev02")),
    expect: "mismatch",
  },
  {
    name: "body re-serialised by a JSON parser",
    timestamp: NOW,
    signature: sign(NOW),
    body: Buffer.from(JSON.stringify(JSON.parse(BODY.toString()))),
    expect: "mismatch",
  },
  { name: "timestamp swapped after signing", timestamp: at(-1), signature: sign(NOW), expect: "mismatch" },
  { name: "truncated signature", timestamp: NOW, signature: sign(NOW).slice(0, 40), expect: "mismatch" },
  { name: "signature with a trailing byte", timestamp: NOW, signature: `${sign(NOW)}0`, expect: "mismatch" },
  { name: "empty hash", timestamp: NOW, signature: "v0=", expect: "mismatch" },
  { name: "unknown version", timestamp: NOW, signature: sign(NOW).replace("v0=", "v1="), expect: "bad-version" },
  { name: "no signature header", timestamp: NOW, signature: undefined, expect: "missing-headers" },
  { name: "no timestamp header", timestamp: undefined, signature: sign(NOW), expect: "missing-headers" },
  { name: "timestamp not a number", timestamp: "yesterday", signature: sign("yesterday"), expect: "bad-timestamp" },
  { name: "timestamp with a fraction", timestamp: `${NOW}.5`, signature: sign(`${NOW}.5`), expect: "bad-timestamp" },
  { name: "negative timestamp", timestamp: "-1", signature: sign("-1"), expect: "bad-timestamp" },
  {
    name: "empty signing secret configured",
    timestamp: NOW,
    signature: sign(NOW),
    secret: "",
    expect: "missing-secret",
  },
];

describe("verifySlackSignature", () => {
  it.each(rows)("$name → $expect", (row) => {
    const result = verifySlackSignature({
      signingSecret: row.secret ?? SECRET,
      rawBody: row.body ?? BODY,
      timestamp: row.timestamp,
      signature: row.signature,
      now: () => NOW_MS,
    });
    expect(result).toEqual(row.expect === "ok" ? { ok: true } : { ok: false, reason: row.expect });
  });

  it("signs the raw bytes, so a body that is not valid UTF-8 still verifies when signed as sent", () => {
    const raw = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
    const result = verifySlackSignature({
      signingSecret: SECRET,
      rawBody: raw,
      timestamp: NOW,
      signature: sign(NOW, raw),
      now: () => NOW_MS,
    });
    expect(result.ok).toBe(true);
    const asText = verifySlackSignature({
      signingSecret: SECRET,
      rawBody: Buffer.from(raw.toString("utf8")),
      timestamp: NOW,
      signature: sign(NOW, raw),
      now: () => NOW_MS,
    });
    expect(asText).toEqual({ ok: false, reason: "mismatch" });
  });

  it("matches Slack's documented construction (an independent HMAC)", () => {
    const expected = `v0=${createHmac("sha256", SECRET)
      .update(`v0:${NOW}:${BODY.toString("utf8")}`)
      .digest("hex")}`;
    expect(sign(NOW)).toBe(expected);
  });

  it("uses the real clock when none is injected", () => {
    const ts = String(Math.floor(Date.now() / 1000));
    expect(verifySlackSignature({ signingSecret: SECRET, rawBody: BODY, timestamp: ts, signature: sign(ts) }).ok).toBe(
      true,
    );
    expect(
      verifySlackSignature({
        signingSecret: SECRET,
        rawBody: BODY,
        timestamp: "1000000000",
        signature: sign("1000000000"),
      }),
    ).toEqual({ ok: false, reason: "stale" });
  });
});
