// GET /api/programs/:id, /api/faqs/:id, /api/categories and POST /api/chat against the real server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalProgram } from "../../src/knowledge/canonical.js";
import { renderPlainText } from "../../src/dialogue/reply/render-plain-text.js";
import type { Reply } from "../../src/dialogue/reply/reply.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

interface ChatBody {
  session: string;
  reply: {
    text: string;
    intent: string;
    noMatch: boolean;
    cards: { id: string; name: string; sourceDate: string }[];
    programs: { id: string }[];
    suggestions: { label: string; action: Record<string, unknown> }[];
  };
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

describe("GET /api/programs/:id", () => {
  it("returns every field of the entry, its source document and date, and the period-ended notice", async () => {
    const kb = t.server.services.knowledge();
    const program = kb.program("imari-funin-chiryo-angel-support")!;
    const { status, body } = await t.getJson<Record<string, unknown>>("/api/programs/imari-funin-chiryo-angel-support");
    expect(status).toBe(200);
    expect(body).toMatchObject(JSON.parse(JSON.stringify(canonicalProgram(program))) as Record<string, unknown>);
    expect(body["sourceDocument"]).toEqual({
      id: "imari-action-plan",
      title: kb.sourceOf(program).title,
      date: "令和3年11月",
      isoDate: "2021-11",
    });
    expect(body["prefecture"]).toBe("佐賀県");
    // The server's clock says today; the plan ran to 令和6年度 (ended 2025-03-31).
    const ended = new Date() > new Date("2025-04-01T00:00:00+09:00");
    expect(body["periodEnded"]).toBe(ended);
    if (ended) expect(body["notice"]).toMatch(/^計画期間は令和6年度まで。現在の実施状況は担当課にご確認ください/);
  });

  it.each([["/api/programs/no-such-program"], ["/api/programs/%E4%BC"], ["/api/faqs/no-such-faq"]])(
    "answers %s with a JSON 404",
    async (path) => {
      const { status, body } = await t.getJson(path);
      expect(status).toBe(404);
      expect(body).toMatchObject({ error: { code: "not_found", status: 404 } });
    },
  );
});

describe("GET /api/categories", () => {
  it("offers the municipalities, categories and audiences the knowledge has programs for, with counts", async () => {
    const kb = t.server.services.knowledge();
    const { body } = await t.getJson<{
      municipalities: { name: string; programs: number }[];
      categories: { name: string; programs: number }[];
      audiences: { name: string; programs: number }[];
      knowledgeVersion: string;
      scope: string | null;
    }>("/api/categories");
    expect(body.municipalities.map((m) => m.name)).toEqual(["伊万里市", "飯塚市"]);
    expect(body.municipalities.reduce((n, m) => n + m.programs, 0)).toBe(kb.programs.length);
    const kosodate = body.categories.find((c) => c.name === "子育て");
    expect(kosodate?.programs).toBe(kb.programs.filter((p) => p.categories?.includes("子育て")).length);
    expect(body.categories.every((c) => c.programs > 0)).toBe(true);
    expect(body.audiences.map((a) => a.name)).toContain("移住者");
    expect(body).toMatchObject({ knowledgeVersion: kb.version, scope: null });
  });
});

describe("POST /api/chat", () => {
  it("holds a two-turn conversation with the same engine as LINE: the program, then its amount and source", async () => {
    const session = "test-session-two-turns";
    const first = await t.postJson<ChatBody>("/api/chat", { session, text: "不妊治療の助成ある？" });
    expect(first.status).toBe(200);
    expect(first.body.session).toBe(session);
    expect(first.body.reply.programs.map((p) => p.id)).toContain("imari-funin-chiryo-angel-support");
    const second = await t.postJson<ChatBody>("/api/chat", { session, text: "いくらまで？" });
    expect(second.body.reply.intent).toBe("amount");
    // What the pane shows: the text, and the card or list with its source line.
    const shown = renderPlainText(second.body.reply as unknown as Reply);
    expect(shown).toContain("10万円");
    expect(shown).toContain("令和3年11月");
  });

  it("follows a suggestion button: its action is sent back as it came", async () => {
    const session = "test-session-suggestion";
    const first = await t.postJson<ChatBody>("/api/chat", { session, text: "陣痛タクシー" });
    const contact = first.body.reply.suggestions.find((s) => s.action["aspect"] === "contact");
    expect(contact).toBeDefined();
    const second = await t.postJson<ChatBody>("/api/chat", { session, action: contact!.action });
    expect(second.status).toBe(200);
    expect(renderPlainText(second.body.reply as unknown as Reply)).toContain("こども家庭課");
  });

  it("promises no handoff: the web pane has no staff channel, so it names whom to call instead", async () => {
    const asked = await t.postJson<ChatBody & { reply: { handoff?: boolean } }>("/api/chat", {
      session: "test-session-handoff",
      text: "職員と話したい",
    });
    expect(asked.status).toBe(200);
    expect(asked.body.reply).not.toHaveProperty("handoff");
    expect(asked.body.reply.text).not.toContain("引き継ぎます");
    expect(asked.body.reply.text).toContain("市役所");
    expect(asked.body.reply.suggestions.map((s) => s.action["kind"])).not.toContain("handoff");
  });

  it("keeps sessions apart", async () => {
    await t.postJson("/api/chat", { session: "test-session-a", text: "不妊治療の助成ある？" });
    const other = await t.postJson<ChatBody>("/api/chat", { session: "test-session-b", text: "いくらまで？" });
    expect(renderPlainText(other.body.reply as unknown as Reply)).not.toContain("10万円");
  });

  it.each([
    ["malformed JSON", '{"session":"abcdefgh","text":"移住', "application/json", 400, "invalid_json"],
    ["a form body", "session=abcdefgh&text=x", "application/x-www-form-urlencoded", 415, "unsupported_media_type"],
    ["no session", JSON.stringify({ text: "移住" }), "application/json", 400, "invalid_request"],
    [
      "a bad session id",
      JSON.stringify({ session: "../../etc", text: "移住" }),
      "application/json",
      400,
      "invalid_request",
    ],
    ["an empty text", JSON.stringify({ session: "abcdefgh", text: "   " }), "application/json", 400, "empty_text"],
    [
      "text and action together",
      JSON.stringify({ session: "abcdefgh", text: "a", action: { kind: "reset" } }),
      "application/json",
      400,
      "invalid_request",
    ],
    [
      "an unknown action",
      JSON.stringify({ session: "abcdefgh", action: { kind: "delete-everything" } }),
      "application/json",
      400,
      "invalid_request",
    ],
    [
      "an unknown field",
      JSON.stringify({ session: "abcdefgh", text: "a", admin: true }),
      "application/json",
      400,
      "invalid_request",
    ],
    [
      "a 1,001-character text",
      JSON.stringify({ session: "abcdefgh", text: "あ".repeat(1001) }),
      "application/json",
      400,
      "text_too_long",
    ],
    [
      "an unknown municipality",
      JSON.stringify({ session: "abcdefgh", text: "移住", municipality: "架空市" }),
      "application/json",
      400,
      "unknown_municipality",
    ],
    ["a JSON array", "[1,2]", "application/json", 400, "invalid_request"],
  ])("answers %s with %i", async (_what, body, type, status, code) => {
    const res = await t.request(`/api/chat`, { method: "POST", headers: { "content-type": type }, body });
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code, status } });
  });

  it("refuses bodies over its 16 KiB cap and over the server's 1 MiB cap with 413, and keeps serving", async () => {
    for (const size of [20 * 1024, 2 * 1024 * 1024]) {
      const res = await t.request(`/api/chat`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ session: "abcdefgh", text: "あ".repeat(size / 3) }),
      });
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ error: { code: "payload_too_large" } });
    }
    const after = await t.postJson<ChatBody>("/api/chat", { session: "test-after-413", text: "陣痛タクシー" });
    expect(after.status).toBe(200);
  });
});
