// The page on a portrait counter tablet (820×1180): the chat pane opens over the page with a button,
// closes with 閉じる or Esc, and a program card in the chat opens its detail on the page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./support/chromium.js";
import { artifact } from "./support/artifacts.js";
import { startTestServer, type TestServer } from "../server/support/test-server.js";

let t: TestServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync("test-artifacts", { recursive: true });
  [t, browser] = await Promise.all([startTestServer(), launchChromium()]);
  page = await browser.newPage({ viewport: { width: 820, height: 1180 }, locale: "ja-JP", hasTouch: true });
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(`${t.url}/`);
  await page.locator("#kb-status").filter({ hasText: "知識の版" }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe("portrait tablet", () => {
  it("keeps the chat pane closed until asked, then opens it over the page", async () => {
    expect(await page.locator("#chat-pane").isVisible()).toBe(false);
    await page.locator("#chat-toggle").tap();
    expect(await page.locator("#chat-pane").isVisible()).toBe(true);
    expect(await page.locator("#chat-toggle").getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("Escape");
    expect(await page.locator("#chat-pane").isVisible()).toBe(false);
    await page.locator("#chat-toggle").tap();
    await page.locator("#chat-close").tap();
    expect(await page.locator("#chat-pane").isVisible()).toBe(false);
  });

  it("opens a program the chat shows as its detail on the page, closing the pane", async () => {
    await page.locator("#chat-toggle").tap();
    await page.locator("#chat-input").fill("陣痛タクシー");
    await page.locator("#chat-input").press("Enter");
    const link = page.locator("#chat-log .chat-card-link").first();
    await link.waitFor();
    await page.screenshot({ path: artifact("portrait-chat.png") });
    await link.tap();
    await page.locator("#detail-title").filter({ hasText: "陣痛タクシー事業" }).waitFor();
    expect(await page.locator("#chat-pane").isVisible()).toBe(false);
    expect(await page.locator("#detail").textContent()).toContain("こども家庭課");
    await page.screenshot({ path: artifact("portrait-detail.png") });
    expect(problems).toEqual([]);
  });
});
