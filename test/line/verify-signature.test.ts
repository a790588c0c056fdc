// The webhook signature check, as a table of raw bodies and signatures: only the exact HMAC passes.
import { describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { signLineBody, verifyLineSignature } from "../../src/channels/line/verify-signature.js";

const SECRET = "0123456789abcdef0123456789abcdef";
// An escaped surrogate pair: a parser that re-serialises would turn it into an emoji and break the HMAC.
const BODY = Buffer.from(
  '{"destination":"U0","events":[{"type":"message","message":{"type":"text","text":"\\uD83E\\uDD28 保育園"}}]}',
  "utf8",
);
const GOOD = createHmac("sha256", SECRET).update(BODY).digest("base64");

describe("verifyLineSignature", () => {
  it("accepts the exact HMAC of the raw bytes, whatever the header's surrounding spaces", () => {
    expect(verifyLineSignature(SECRET, BODY, GOOD)).toBe(true);
    expect(verifyLineSignature(SECRET, BODY, ` ${GOOD} `)).toBe(true);
    expect(signLineBody(SECRET, BODY)).toBe(GOOD);
  });

  const reparsed = Buffer.from(JSON.stringify(JSON.parse(BODY.toString("utf8"))), "utf8");
  const flipped = Buffer.from(GOOD, "base64");
  flipped[0]! ^= 1;

  it.each([
    ["no signature", BODY, undefined],
    ["empty signature", BODY, ""],
    ["signature sent twice", BODY, [GOOD, GOOD]],
    ["signed with another secret", BODY, createHmac("sha256", "another-secret").update(BODY).digest("base64")],
    ["one bit flipped", BODY, flipped.toString("base64")],
    ["truncated (wrong length)", BODY, GOOD.slice(0, 20)],
    ["too long (wrong length)", BODY, `${GOOD}AAAA`],
    ["hex instead of base64", BODY, createHmac("sha256", SECRET).update(BODY).digest("hex")],
    ["not base64 at all", BODY, "!!!!not-a-signature!!!!"],
    ["body re-serialised by a JSON parser", reparsed, GOOD],
    ["body with one byte appended", Buffer.concat([BODY, Buffer.from(" ")]), GOOD],
    ["empty body", Buffer.alloc(0), GOOD],
  ] as const)("rejects %s", (_case, body, signature) => {
    expect(verifyLineSignature(SECRET, body, signature as string | string[] | undefined)).toBe(false);
  });
});
