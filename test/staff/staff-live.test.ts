// The whole loop on the command line against the real server: a member of staff adds an answer, a second
// one approves it, and the running server (watching its knowledge, no restart) answers a resident's
// paraphrase of the question with the answer and its staff source line within 5 seconds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../knowledge/support/cli.js";
import { copyKnowledge, type KnowledgeCopy } from "../server/support/knowledge-copy.js";
import { startTestServer, settle, type TestServer } from "../server/support/test-server.js";
import { renderPlainText } from "../../src/dialogue/reply/render-plain-text.js";
import type { Reply } from "../../src/dialogue/reply/reply.js";

let copy: KnowledgeCopy;
let t: TestServer;
beforeAll(async () => {
  copy = await copyKnowledge();
  t = await startTestServer({
    MADOGUCHI_KNOWLEDGE: copy.dir,
    MADOGUCHI_WATCH: "on",
    MADOGUCHI_RELOAD_DEBOUNCE_MS: "100",
  });
});
afterAll(async () => {
  await t?.close();
  await copy?.remove();
});

const lastLine = (s: string) => s.trim().split("\n").at(-1)!;

async function ask(text: string, session: string): Promise<string> {
  const { body } = await t.postJson<{ reply: Reply }>("/api/chat", { session, text });
  return renderPlainText(body.reply);
}

/** Asks until the reply contains `expected`, or fails after `ms`; returns the time it took. */
async function answeredWithin(text: string, expected: string, ms: number): Promise<number> {
  const started = Date.now();
  for (let i = 0; ; i++) {
    if ((await ask(text, `live-session-${i}`)).includes(expected)) return Date.now() - started;
    if (Date.now() - started > ms)
      throw new Error(`not answered with "${expected}" within ${ms} ms: ${await ask(text, "last-session")}`);
    await settle(100);
  }
}

const ANSWER = "児童手当は偶数月の15日に、前月分までを口座に振り込みます。";

describe("a staff answer goes live without a restart", () => {
  it("is not served as a draft, and answers a paraphrase with its staff source once approved", async () => {
    const paraphrase = "児童手当の振込はいつになりますか";
    const added = await runCli([
      "staff",
      "add-answer",
      "--question",
      "児童手当の振込日はいつですか",
      "--question",
      "児童手当はいつ振り込まれますか",
      "--answer",
      ANSWER,
      "--department",
      "子育て支援課",
      "--by",
      "山田",
      "--knowledge",
      copy.dir,
    ]);
    expect(added.code).toBe(0);
    await settle(600); // longer than the reload debounce: a draft must still not be served
    expect(await ask(paraphrase, "draft-session")).not.toContain(ANSWER);

    const approved = await runCli([
      "staff",
      "approve",
      lastLine(added.stdout),
      "--by",
      "佐藤",
      "--knowledge",
      copy.dir,
    ]);
    expect(approved.code).toBe(0);
    expect(await answeredWithin(paraphrase, ANSWER, 5_000)).toBeLessThan(5_000);
    const shown = await ask(paraphrase, "after-session");
    expect(shown).toMatch(/出典: 職員の回答（子育て支援課 山田 確認 \d{4}-\d{2}-\d{2}）/);
    expect(shown).toContain("担当: 子育て支援課");
  });

  it("stops serving an answer whose 「この日まで有効」 date has passed", async () => {
    const add = (question: string, answer: string, until: string) =>
      runCli(
        [
          "staff",
          "add-answer",
          "--question",
          question,
          "--answer",
          answer,
          "--department",
          "保育課",
          "--by",
          "山田",
          "--valid-until",
          until,
          "--knowledge",
          copy.dir,
        ],
        { MADOGUCHI_STAFF_REVIEW: "off" },
      );
    const expired = await add("保育園の一時預かりの料金はいくらですか", "一時預かりは1日2,000円です。", "2020-03-31");
    const current = await add("保育園の見学はできますか", "各園に電話で予約すれば見学できます。", "2099-03-31");
    expect([expired.code, current.code]).toEqual([0, 0]);
    expect(await answeredWithin("保育園の見学をしたい", "各園に電話で予約すれば見学できます。", 5_000)).toBeLessThan(
      5_000,
    );
    expect(await ask("保育園の一時預かりの料金はいくら？", "expired-session")).not.toContain("1日2,000円");
    const { body } = await t.getJson<{ results: { id: string }[] }>(
      `/api/search?q=${encodeURIComponent("一時預かりの料金")}`,
    );
    expect(body.results.map((r) => r.id)).not.toContain(lastLine(expired.stdout));
  });
});
