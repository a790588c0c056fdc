// Request ids name one request in the log and the X-Request-Id header: 8 URL-safe characters, never repeated.
import { describe, expect, it } from "vitest";
import { newRequestId } from "../../src/server/http/request-id.js";

describe("newRequestId", () => {
  it("gives 8 base64url characters, a new one each time, past the pool's refill", () => {
    const ids = Array.from({ length: 5_000 }, () => newRequestId());
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
