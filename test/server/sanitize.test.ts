// What the logger does to every value before it is written (the server's logs use maskPersonalData).
import { describe, expect, it } from "vitest";
import { sanitizeValue } from "../../src/server/logging/sanitize.js";
import { maskPersonalData } from "../../src/text/mask-personal-data.js";

const clean = (v: unknown) => sanitizeValue(v, maskPersonalData);

describe("sanitizeValue", () => {
  it.each([
    ["マイナンバー 1234-5678-9012 です", "マイナンバー [個人番号] です"],
    ["電話 0955-23-1234 まで", "電話 [電話番号] まで"],
    ["mail: hanako@example.co.jp", "mail: [メール]"],
    ["一行目\r\n二行目\n三行目\u2028四", "一行目 二行目 三行目 四"],
  ])("cleans %j", (input, expected) => {
    expect(clean(input)).toBe(expected);
  });

  it("replaces values under secret-looking keys, whatever they hold, at any depth", () => {
    expect(
      clean({
        channelSecret: "abc",
        headers: { authorization: "Bearer x", "x-line-signature": "sig" },
        accessToken: { a: 1 },
        id: "u1",
      }),
    ).toEqual({
      channelSecret: "[redacted]",
      headers: { authorization: "[redacted]", "x-line-signature": "[redacted]" },
      accessToken: "[redacted]",
      id: "u1",
    });
  });

  it.each([
    [
      "request failed: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc",
      "request failed: Authorization: Bearer [redacted]",
    ],
    [
      '[WARN] web-api:WebClient {"token":"xoxb-1234-5678-abcdefgh"} retrying',
      '[WARN] web-api:WebClient {"token":"[redacted]"} retrying',
    ],
    ["socket mode with xapp-1-A0-0-abcdef", "socket mode with [redacted]"],
  ])("redacts a token written inside text: %j", (input, expected) => {
    expect(clean(input)).toBe(expected);
  });

  it("reduces errors to type, masked message and stack, and keeps their code", () => {
    const e = Object.assign(new Error("bad input from taro@example.jp"), { code: "E_BAD" });
    const out = clean({ err: e }) as { err: Record<string, unknown> };
    expect(out.err).toMatchObject({ type: "Error", message: "bad input from [メール]", code: "E_BAD" });
    expect(String(out.err["stack"])).not.toContain("taro@example.jp");
    expect(String(out.err["stack"])).not.toContain("\n");
  });

  it("keeps numbers and booleans, shortens buffers, long strings, deep nesting and long arrays", () => {
    const deep = { a: { b: { c: { d: { e: { f: { g: 1 } } } } } } };
    expect(clean({ n: 3, ok: true, none: null })).toEqual({ n: 3, ok: true, none: null });
    expect(clean(Buffer.from("secret body"))).toBe("[11 bytes]");
    expect(String(clean("あ".repeat(5000)))).toMatch(/…\(5000 chars\)$/);
    expect(JSON.stringify(clean(deep))).toContain("[nested too deep]");
    expect((clean(Array.from({ length: 80 }, (_, i) => i)) as unknown[]).length).toBe(50);
  });
});
