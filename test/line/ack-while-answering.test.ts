// Acknowledging does not wait for answering: while the answers already under way cannot go out (the LINE
// API holds them), a new webhook is still stored in the journal and acknowledged with 200, and once the
// API answers again every event is answered exactly once.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNEL_SECRET, startLineTestServer, type LineTestServer } from "./line-test-server.js";
import { lineUserId, webhookBody } from "./line-events.js";

let t: LineTestServer;
let journalDir: string;

beforeAll(async () => {
  journalDir = await mkdtemp(join(tmpdir(), "madoguchi-ack-"));
  t = await startLineTestServer({ MADOGUCHI_JOURNAL_DIR: journalDir });
});

afterAll(async () => {
  await t.close();
  await rm(journalDir, { recursive: true, force: true });
});

/** Over the socket, as LINE sends it (the in-process request function would skip the HTTP server). */
const deliver = (event: object) => t.platform.deliver(t.webhookUrl, CHANNEL_SECRET, webhookBody([event]));

async function journalText(): Promise<string> {
  const names = await readdir(journalDir);
  const texts = await Promise.all(names.map((n) => readFile(join(journalDir, n), "utf8").catch(() => "")));
  return texts.join("\n");
}

describe("acknowledging while answering is busy", () => {
  it("journals and acknowledges a webhook whose answer cannot start yet, then answers every event once", async () => {
    const release = t.platform.hold("/v2/bot/message/reply");
    const first = t.events.text(lineUserId(), "婚活の支援");
    expect((await deliver(first)).status).toBe(200);
    await t.platform.waitFor(() => t.platform.heldCalls === 1, 10_000, "the first answer at the LINE API");

    const second = t.events.text(lineUserId(), "不妊治療の助成");
    const third = t.events.text(lineUserId(), "移住の支援");
    const acks = await Promise.all([deliver(second), deliver(third)]);
    expect(acks.map((r) => r.status)).toEqual([200, 200]);
    const journal = await journalText();
    for (const e of [first, second, third]) expect(journal).toContain(e.webhookEventId);
    expect(t.platform.replies).toHaveLength(0);

    release();
    await t.settle();
    const tokens = t.platform.replies.map((r) => r.replyToken).sort();
    expect(tokens).toEqual([first.replyToken, second.replyToken, third.replyToken].sort());
  });
});
