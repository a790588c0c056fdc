// GET /api/search against the real server: residents' own words find the right program, filters
// narrow the list, out-of-scope questions say so, and bad parameters get a 400 that names them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/test-server.js";
import { metricValue } from "./support/metric-value.js";

interface Result {
  type: string;
  id: string;
  municipality: string | null;
  name: string;
  score: number;
  summary: string | null;
  department: string;
  categories: string[];
  audiences: string[];
  sourceTitle: string;
  sourceDate: string;
  periodEnded: boolean;
}
interface SearchBody {
  noMatch: boolean;
  total: number;
  results: Result[];
  knowledgeVersion: string;
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

const search = (params: Record<string, string>) => t.getJson<SearchBody>(`/api/search?${new URLSearchParams(params)}`);

describe("GET /api/search", () => {
  it.each([
    ["不妊治療の助成はありますか", undefined, "伊万里市", "不妊治療エンゼルサポート事業"],
    ["ふにんちりょう", undefined, "伊万里市", "不妊治療エンゼルサポート事業"],
    ["中古住宅の購入補助", undefined, "飯塚市", "戸建て中古住宅取得補助事業"],
    ["陣痛タクシー", undefined, "飯塚市", "陣痛タクシー事業"],
    ["予約乗合タクシーの運賃", "飯塚市", "飯塚市", "予約乗合タクシー運行事業"],
    ["ﾌｧﾐﾘｰｻﾎﾟｰﾄ", "飯塚", "飯塚市", "ファミリーサポートセンター事業"],
  ])("「%s」 (municipality %s) → %s %s first", async (q, municipality, city, name) => {
    const { status, body } = await search({ q, ...(municipality ? { municipality } : {}) });
    expect(status).toBe(200);
    expect(body.noMatch).toBe(false);
    expect(body.results[0]).toMatchObject({ type: "program", municipality: city, name });
  });

  it("gives each card its summary, department and source document with its date", async () => {
    const { body } = await search({ q: "不妊治療の助成" });
    const card = body.results[0]!;
    expect(card.id).toBe("imari-funin-chiryo-angel-support");
    expect(card.summary).toContain("不妊治療");
    expect(card.department).toBe("健康づくり課");
    expect(card.sourceTitle).toContain("アクションプラン");
    expect(card.sourceDate).toBe("令和3年11月");
    expect(typeof card.score).toBe("number");
    expect(body.knowledgeVersion).toBe(t.server.services.knowledge().version);
  });

  it.each(["粗大ごみの出し方", "運転免許証の住所変更", "今日の天気は？"])(
    "says plainly that nothing fits 「%s」",
    async (q) => {
      const before = await metricValue(t.server.metrics.noMatch, { channel: "web" });
      const { body } = await search({ q });
      expect(body).toMatchObject({ noMatch: true, results: [] });
      expect(await metricValue(t.server.metrics.noMatch, { channel: "web" })).toBe(before + 1);
    },
  );

  it("keeps only the chosen municipality, category and audience", async () => {
    const city = await search({ q: "子育ての相談", municipality: "飯塚市" });
    expect(city.body.results.length).toBeGreaterThan(0);
    for (const r of city.body.results) expect(r.municipality).toBe("飯塚市");
    // 補助金 matches programs of many categories: the filter must leave only 子育て's.
    const anyCategory = await search({ q: "補助金" });
    expect(anyCategory.body.results.some((r) => !r.categories.includes("子育て"))).toBe(true);
    const category = await search({ q: "補助金", category: "子育て" });
    expect(category.body.results.length).toBeGreaterThan(0);
    for (const r of category.body.results) expect(r.categories).toContain("子育て");
    const audience = await search({ q: "補助", audience: "移住者" });
    expect(audience.body.results.length).toBeGreaterThan(0);
    for (const r of audience.body.results) expect(r.audiences).toContain("移住者");
  });

  it("lists the programs of a category when there is no question (browsing by life event)", async () => {
    const { body } = await search({ category: "移住・住まい", municipality: "飯塚市" });
    const expected = t.server.services
      .knowledge()
      .programs.filter((p) => p.municipality === "飯塚市" && p.categories?.includes("移住・住まい"));
    expect(body.total).toBe(expected.length);
    expect(body.results.map((r) => r.id).sort()).toEqual(
      expected
        .map((p) => p.id)
        .slice(0, 20)
        .sort(),
    );
  });

  it.each([
    ["a 201-character question", { q: "あ".repeat(201) }, "query_too_long"],
    ["an unknown category", { q: "移住", category: "宇宙開発" }, "unknown_category"],
    ["an unknown audience", { q: "移住", audience: "宇宙飛行士" }, "unknown_audience"],
    ["an unknown municipality", { q: "移住", municipality: "架空市" }, "unknown_municipality"],
    ["limit 0", { q: "移住", limit: "0" }, "invalid_limit"],
    ["limit 101", { q: "移住", limit: "101" }, "invalid_limit"],
    ["an unknown type", { q: "移住", type: "news" }, "unknown_type"],
  ])("refuses %s with 400", async (_what, params, code) => {
    const { status, body } = await search(params as Record<string, string>);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code, status: 400 } });
  });

  it("refuses a repeated parameter and accepts the longest allowed question", async () => {
    const repeated = await t.getJson("/api/search?q=a&q=b");
    expect(repeated.status).toBe(400);
    const longest = await search({ q: "移住".repeat(100) });
    expect(longest.status).toBe(200);
  });

  it("answers the wrong method with 405 and unknown API paths with 404, as JSON", async () => {
    const wrong = await t.postJson("/api/search", { q: "移住" });
    expect(wrong.status).toBe(405);
    expect(wrong.response.headers.get("allow")).toBe("GET, HEAD");
    const missing = await t.getJson("/api/nothing");
    expect(missing).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
  });
});
