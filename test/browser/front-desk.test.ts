// The front-desk page in real Chromium against the real server: search as you type, filters, the
// detail view, the print view, and a two-turn chat in the pane. Screenshots go to test-artifacts/ only
// (support/artifacts.ts); docs/screenshot.png is a tracked file the tests never write.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./support/chromium.js";
import { artifact } from "./support/artifacts.js";
import { startTestServer, type TestServer } from "../server/support/test-server.js";

let t: TestServer;
let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1366, height: 1000 }, locale: "ja-JP", timezoneId: "Asia/Tokyo" });
  problems = [];
  // CSP violations and script errors show up here; any request off this server is a failure too.
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    if (!r.url().startsWith(t.url) && !r.url().startsWith("data:")) problems.push(`off-site request: ${r.url()}`);
  });
  await page.goto(`${t.url}/`);
  await page.locator("#kb-status").filter({ hasText: "知識の版" }).waitFor();
});

const cardTitles = (p: Page) => p.locator("#results a.card .card-title").allTextContents();

async function typeQuestion(p: Page, text: string): Promise<void> {
  await p.locator("#search-input").fill("");
  await p.locator("#search-input").pressSequentially(text, { delay: 20 });
}

describe("front-desk page", () => {
  it("answers as you type: the right program's card comes first", async () => {
    await typeQuestion(page, "不妊治療の助成はありますか");
    await expect.poll(async () => (await cardTitles(page))[0]).toBe("不妊治療エンゼルサポート事業");
    const card = page.locator("#results a.card").first();
    await expect.poll(() => card.textContent()).toContain("健康づくり課");
    expect(await card.textContent()).toContain("資料: 令和3年11月");
    expect(await page.locator("#result-status").textContent()).toMatch(
      /「不妊治療の助成はありますか」の検索結果 \d+件/,
    );
    expect(problems).toEqual([]);
  });

  it("says so when nothing fits", async () => {
    await typeQuestion(page, "粗大ごみの出し方");
    await expect.poll(() => page.locator("#result-status").textContent()).toContain("見つかりませんでした");
    expect(await page.locator("#results a.card").count()).toBe(0);
  });

  it("filters by municipality, category (life event) and audience", async () => {
    await page.locator("#filter-municipality").selectOption("飯塚市");
    await typeQuestion(page, "子育ての相談");
    await expect.poll(async () => (await cardTitles(page)).length).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator("#results .badge-city").allTextContents())
      .toSatisfy((cities: string[]) => cities.length > 0 && cities.every((c) => c === "飯塚市"));

    await page.locator("#search-input").fill("");
    await page.locator("#life-events button", { hasText: "移住・住まい" }).click();
    const expected = t.server.services
      .knowledge()
      .programs.filter((p) => p.municipality === "飯塚市" && p.categories?.includes("移住・住まい"))
      .map((p) => p.name);
    await expect.poll(async () => (await cardTitles(page)).sort()).toEqual([...expected].sort());
    expect(await page.locator("#filter-category").inputValue()).toBe("移住・住まい");
    expect(await page.locator("#life-events button[aria-pressed=true]").textContent()).toBe("移住・住まい");

    await page.locator("#filter-audience").selectOption("移住者");
    const both = t.server.services
      .knowledge()
      .programs.filter(
        (p) => p.municipality === "飯塚市" && p.categories?.includes("移住・住まい") && p.audiences?.includes("移住者"),
      )
      .map((p) => p.name);
    await expect.poll(async () => (await cardTitles(page)).sort()).toEqual([...both].sort());
    expect(page.url()).toContain("audience=%E7%A7%BB%E4%BD%8F%E8%80%85");
    expect(problems).toEqual([]);
  });

  it("counts categories within the municipality chosen (伊万里市 has no 高齢・介護 program)", async () => {
    const categoryLabels = () => page.locator("#filter-category option").allTextContents();
    await page.locator("#filter-municipality").selectOption("伊万里市");
    await expect.poll(async () => (await categoryLabels()).some((l) => l.startsWith("高齢・介護"))).toBe(false);
    const imari = await categoryLabels();
    await page.locator("#filter-municipality").selectOption("飯塚市");
    await expect.poll(async () => (await categoryLabels()).some((l) => l.startsWith("高齢・介護"))).toBe(true);
    expect(await categoryLabels()).not.toEqual(imari);
    expect(problems).toEqual([]);
  });

  it("opens the detail from the keyboard: every field, the source and its date, the period-ended notice; Esc goes back", async () => {
    await typeQuestion(page, "不妊治療の助成");
    await expect.poll(async () => (await cardTitles(page))[0]).toBe("不妊治療エンゼルサポート事業");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    const detail = page.locator("#detail");
    await detail.locator("#detail-title").filter({ hasText: "不妊治療エンゼルサポート事業" }).waitFor();
    expect(page.url()).toContain("#/programs/imari-funin-chiryo-angel-support");
    const labels = await detail.locator("dt").allTextContents();
    expect(labels).toEqual(
      expect.arrayContaining([
        "概要",
        "対象",
        "支援の内容",
        "金額",
        "申請方法",
        "担当課",
        "期間",
        "分野",
        "対象者の区分",
        "自治体",
      ]),
    );
    const text = (await detail.textContent()) ?? "";
    expect(text).toContain("年間10万円を上限");
    expect(text).toContain("健康づくり課");
    expect(text).toContain("第2期伊万里市まち・ひと・しごと創生総合戦略 アクションプラン");
    expect(text).toContain("資料の日付: 令和3年11月");
    if (new Date() > new Date("2025-04-01T00:00:00+09:00"))
      expect(await detail.locator(".notice").first().textContent()).toContain("計画期間は令和6年度まで");
    await page.keyboard.press("Escape");
    await expect.poll(() => detail.isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-id"))).toBe(
      "imari-funin-chiryo-angel-support",
    );
    expect(problems).toEqual([]);
  });

  it("prints the detail alone on A4", async () => {
    await page.goto(`${t.url}/#/programs/imari-funin-chiryo-angel-support`);
    await page.locator("#detail-title").filter({ hasText: "不妊治療エンゼルサポート事業" }).waitFor();
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".search-panel").isVisible()).toBe(false);
    expect(await page.locator("#chat-pane").isVisible()).toBe(false);
    expect(await page.locator(".detail-toolbar").isVisible()).toBe(false);
    expect(await page.locator("#detail").isVisible()).toBe(true);
    expect(await page.locator(".print-kicker").textContent()).toBe("伊万里市の支援制度のご案内");
    expect(await page.locator(".source").isVisible()).toBe(true);
    await page.screenshot({ path: artifact("print-view.png"), fullPage: true });
    const pdf = await page.pdf({ path: artifact("print-view.pdf"), format: "A4", preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(problems).toEqual([]);
  });

  it("chats two turns as a resident in the pane, with the same engine as LINE", async () => {
    const input = page.locator("#chat-input");
    await input.fill("不妊治療の助成ある？");
    await input.press("Enter");
    const bot = page.locator("#chat-log .msg-bot:not(.is-waiting)");
    await expect.poll(() => bot.count()).toBe(1);
    // The engine answers with the program's card, or a numbered list to choose from that names it.
    expect(await bot.first().textContent()).toContain("不妊治療エンゼルサポート事業");
    await input.fill("いくらまで？");
    await input.press("Enter");
    await expect.poll(() => bot.count()).toBe(2);
    const second = (await bot.nth(1).textContent()) ?? "";
    expect(second).toContain("10万円");
    expect(second).toContain("令和3年11月");
    expect(await page.locator("#chat-log .msg-user").allTextContents()).toEqual([
      "不妊治療の助成ある？",
      "いくらまで？",
    ]);
    expect(problems).toEqual([]);
  });

  it("shows a program's whole summary when the chat answers about it alone (いまりんバス's three routes)", async () => {
    const input = page.locator("#chat-input");
    await input.fill("いまりんバスについて詳しく");
    await input.press("Enter");
    const bot = page.locator("#chat-log .msg-bot:not(.is-waiting)");
    await expect.poll(() => bot.count()).toBe(1);
    const summary = bot.first().locator(".chat-card-summary");
    expect(await summary.count()).toBe(1);
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText (the rendered lines), not the DOM property
    const text = (await summary.innerText()) ?? "";
    for (const route of ["いまりんバス市街地線", "いまりんバス地域線", "いまりんバス郊外線"])
      expect(text).toContain(route);
    expect(text.split("\n").length).toBeGreaterThanOrEqual(4); // the summary's lines stay lines
    expect(problems).toEqual([]);
  });

  it("looks right for the README: results, filters and a conversation side by side", async () => {
    await page.locator("#filter-municipality").selectOption("伊万里市");
    await typeQuestion(page, "子どもの医療費");
    await expect.poll(async () => (await cardTitles(page)).length).toBeGreaterThan(1);
    const input = page.locator("#chat-input");
    for (const text of ["子どもの医療費の助成", "対象は何歳まで？"]) {
      await input.fill(text);
      await input.press("Enter");
      await expect.poll(() => page.locator("#chat-log .is-waiting").count()).toBe(0);
    }
    await page.locator("#search-input").focus();
    await page.screenshot({ path: artifact("front-desk.png") });
    await page.goto(`${t.url}/?q=${encodeURIComponent("子どもの医療費")}#/programs/imari-kodomo-iryohi-josei`);
    await page.locator("#detail-title").waitFor();
    await page.screenshot({ path: artifact("detail.png"), fullPage: true });
    await page.setViewportSize({ width: 820, height: 1180 }); // a portrait counter tablet
    await page.screenshot({ path: artifact("detail-portrait.png") });
    expect(problems).toEqual([]);
  });
});
