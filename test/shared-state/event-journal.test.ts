// The local journal: what a process killed between the 200 and the answer finds again at its next start.
import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { EventJournal, JournalLockedError, type JournalEntry } from "../../src/shared-state/event-journal.js";
import { JournalEventQueue } from "../../src/shared-state/journal-queue.js";
import type { QueuedEvent } from "../../src/shared-state/event-queue.js";

const dirs: string[] = [];
function freshDir(): string {
  const d = mkdtempSync(join(tmpdir(), "journal-test-"));
  dirs.push(d);
  return join(d, "journal");
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const entry = (id: string, text = "児童手当はいつ振り込まれますか"): JournalEntry => ({
  id,
  source: "line",
  receivedAt: 1_700_000_000_000,
  payload: { type: "message", webhookEventId: id, message: { type: "text", text } },
});

/** What a process that was killed leaves: the lock file stays, nothing is closed. */
function abandon(): void {
  /* the journal object is simply dropped without close() */
}

describe("EventJournal", () => {
  it("gives back, at the next open, every event accepted and not done, in order, and only those", async () => {
    const dir = freshDir();
    const { journal } = await EventJournal.open(dir);
    await journal.append([entry("e1"), entry("e2"), entry("e3")]);
    journal.markDone("e2");
    await journal.append([entry("e4")]);
    abandon();
    const { journal: again, unfinished } = await EventJournal.open(dir);
    expect(unfinished.map((e) => e.id)).toEqual(["e1", "e3", "e4"]);
    expect(unfinished[0]!.payload).toEqual(entry("e1").payload);
    await again.close();
  });

  it("keeps the files readable by the server's user only (0600 in a 0700 directory)", async () => {
    const dir = freshDir();
    const { journal } = await EventJournal.open(dir);
    await journal.append([entry("e1")]);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(dir)) expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
    await journal.close();
  });

  it("deletes the resident's text once every event is done (compaction at open and while running)", async () => {
    const dir = freshDir();
    const { journal } = await EventJournal.open(dir, { segmentBytes: 2_000 });
    for (let i = 0; i < 60; i++) {
      await journal.append([entry(`e${i}`)]);
      if (i !== 7) journal.markDone(`e${i}`);
    }
    await journal.append([entry("last")]);
    journal.markDone("last");
    await journal.append([]);
    const segments = readdirSync(dir).filter((f) => f.startsWith("segment-"));
    expect(segments.length).toBeLessThanOrEqual(3);
    const text = segments.map((f) => readFileSync(join(dir, f), "utf8")).join("");
    expect(text.match(/児童手当/g)?.length ?? 0).toBeLessThanOrEqual(2); // e7 (unfinished), copied forward at most once
    abandon();
    const { journal: again, unfinished } = await EventJournal.open(dir);
    expect(unfinished.map((e) => e.id)).toEqual(["e7"]);
    again.markDone("e7");
    await again.close();
    const { journal: third, unfinished: none } = await EventJournal.open(dir);
    expect(none).toEqual([]);
    await third.close();
  });

  it("skips a record torn by a crash and keeps the ones around it", async () => {
    const dir = freshDir();
    const { journal } = await EventJournal.open(dir);
    await journal.append([entry("e1")]);
    const segment = readdirSync(dir).find((f) => f.startsWith("segment-"))!;
    appendFileSync(join(dir, segment), '{"t":"a","id":"torn","s":"li');
    abandon();
    const { journal: again, unfinished } = await EventJournal.open(dir);
    expect(unfinished.map((e) => e.id)).toEqual(["e1"]);
    await again.close();
  });

  it("refuses a directory another live process is using, and takes over one whose process died", async () => {
    const dir = freshDir();
    const { journal } = await EventJournal.open(dir);
    await journal.close();
    const other = spawn("sleep", ["30"]);
    try {
      writeFileSync(join(dir, "lock"), String(other.pid));
      await expect(EventJournal.open(dir)).rejects.toThrow(JournalLockedError);
    } finally {
      other.kill("SIGKILL");
      await new Promise((r) => other.once("exit", r));
    }
    const { journal: taken } = await EventJournal.open(dir); // the holder is dead now
    await taken.close();
  });
});

describe("JournalEventQueue", () => {
  it("hands left-over events to their channel as redo, new ones as first tries, and marks them done after the handler", async () => {
    const dir = freshDir();
    const first = await EventJournal.open(dir);
    await first.journal.append([entry("old1"), entry("old2")]);
    abandon();
    const { journal, unfinished } = await EventJournal.open(dir);
    const queue = new JournalEventQueue(journal, unfinished);
    const seen: QueuedEvent[] = [];
    queue.consume("line", async (e) => {
      seen.push(e);
    });
    await queue.accept("line", [{ id: "new1", payload: { x: 1 } }], 5);
    await new Promise((r) => setImmediate(r));
    await queue.idle();
    expect(seen.map((e) => [e.id, e.redo])).toEqual([
      ["old1", true],
      ["old2", true],
      ["new1", false],
    ]);
    expect(queue.stats.unfinished).toBe(0);
    await queue.close();
    const reopened = await EventJournal.open(dir);
    expect(reopened.unfinished).toEqual([]);
    await reopened.journal.close();
  });
});
