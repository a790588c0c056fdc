// The bounded reliability run in CI: the real server (`madoguchi serve`, its own process) with fake LINE
// and Slack APIs on 127.0.0.1, every check of ../shared/guides/platform-limits.md measured (200 LINE
// events/s for 10 s, a 2,000-event spike, 10,000 fuzzed bodies, a broken reload under load, a short soak,
// two replicas behind a real redis-server). Prints the table `npm run bench:load` prints, and asserts what
// must hold on any machine: nothing forged accepted, every event acknowledged 200 and answered exactly once,
// no crash, nothing unmasked. Speed is measured, not asserted (the table gives p50/p99 against LINE's 2 s
// and the 100 ms goal): the only timing checks are stall detectors far above any healthy figure — an
// acknowledgement that waits behind the backlog of answers took 20–30 s before the turn scheduler.
import { beforeAll, describe, expect, it } from "vitest";
import { CI_PROFILE, runLoadSuite } from "../../bench/load/run-load-suite.js";
import type { Measurement, Measurements } from "../../bench/load/measurements.js";

let table: Measurements;

/** An acknowledgement slower than this means the webhook waited behind the answers (a stall), not a slow machine. */
const ACK_STALL_MS = 10_000;

beforeAll(async () => {
  const result = await runLoadSuite(CI_PROFILE, (line) => console.log(line));
  table = result.measurements;
  console.log(
    `\n${table.table()}\n\n(${result.seconds.toFixed(0)} s${result.keptDir ? `; logs kept in ${result.keptDir}` : ""})`,
  );
}, 600_000);

function row(id: string): Measurement {
  const r = table.get(id);
  if (!r) throw new Error(`no row "${id}" in the table`);
  return r;
}

describe("security", () => {
  it("accepts no forged, unsigned or stale request, echoes nothing and answers nothing", () => {
    expect(row("forged").figures).toMatchObject({ accepted: 0, echoed: 0, answered: 0 });
    expect(row("slack-stale").figures).toMatchObject({ stale: 2, rejected: 2 });
  });
});

describe("exactly once", () => {
  it("answers every duplicated, concurrent or redelivered LINE event and Slack event once", () => {
    const f = row("duplicates").figures;
    expect(f["lineOnce"]).toBe(f["lineEvents"]);
    expect(f["slackOnce"]).toBe(f["slackEvents"]);
    expect(f["notAcked"]).toBe(0);
  });

  it("acknowledges a batch with a failing event and answers the others", () => {
    expect(row("batch-failure").figures).toMatchObject({ ack: 200, othersAnswered: 2 });
  });
});

describe("load", () => {
  for (const id of ["sustained", "spike"]) {
    it(`${id}: every webhook acknowledged with 200 and never stalled; none lost, none answered twice`, () => {
      const ack = row(id);
      expect(ack.figures["sent"]).toBeGreaterThanOrEqual(2_000);
      expect(ack.figures["notAcked"]).toBe(0);
      expect(ack.figures["max"]).toBeLessThan(ACK_STALL_MS);
      expect(row(`${id}-lost`).figures).toMatchObject({ lost: 0, answeredTwice: 0 });
    });
  }

  it("keeps serving through a broken knowledge reload: 0 failed requests, stale reported, then mended", () => {
    const f = row("reload").figures;
    expect(f["failed"]).toBe(0);
    expect(f["requests"]).toBeGreaterThan(300);
    expect(f).toMatchObject({ staleReported: true, recovered: true });
  });

  it("shows no gross leak in the short soak and loses nothing", () => {
    expect(row("soak").pass).toBe(true);
    expect(row("soak").figures).toMatchObject({ lost: 0, apiFailed: 0 });
  });
});

describe("bad input", () => {
  it("answers malformed, mis-encoded, huge and lone-surrogate input with a 4xx or a polite reply", () => {
    expect(row("malformed").figures).toMatchObject({ wrong: 0, longAnswered: true, alive: true });
  });

  it("refuses bodies over 1 MiB with 413 promptly and goes on answering", () => {
    const f = row("body-limit").figures;
    expect(f["got413"]).toBe(f["requests"]);
    expect(f["stillAnswering"]).toBe(true);
  });

  it("survives 10,000 fuzzed bodies with no crash", () => {
    const f = row("fuzz").figures;
    expect(f["bodies"]).toBeGreaterThanOrEqual(10_000);
    expect(f["crashes"]).toBe(0);
    expect(f["answering"]).toBe(true);
  });

  it("refuses to start on a knowledge schema error, naming file, entry and field", () => {
    expect(row("startup-schema-error").pass).toBe(true);
  });
});

describe("limits and privacy", () => {
  it("rate-limits per user: LINE always 200 with one 「少しお待ちください」, the API 429 with Retry-After", () => {
    expect(row("rate-limit").pass).toBe(true);
    expect(row("rate-limit").figures["lineNotices"]).toBeGreaterThanOrEqual(1);
    expect(row("rate-limit").figures["api429"]).toBeGreaterThan(0);
  });

  it("sends LINE and Slack only payloads within their limits", () => {
    expect(row("payload-limits").figures["invalid"]).toBe(0);
  });

  it("leaves no My Number, phone number, e-mail address or secret unmasked in any log", () => {
    expect(row("privacy").figures["unmasked"]).toBe(0);
    expect(row("privacy").figures["logLines"]).toBeGreaterThan(1_000);
  });

  it("never crashed, and stopped cleanly", () => {
    expect(row("process").figures).toMatchObject({ alive: true, exitCode: 0 });
  });
});

describe("two replicas behind one Redis", () => {
  it("answers the same event delivered to both once", () => {
    const f = row("replicas-dedupe").figures;
    expect(f["once"]).toBe(f["events"]);
    expect(f["slackOnce"]).toBe(f["slackEvents"]);
  });

  it("continues a conversation on the other replica (and the control without a first turn does not)", () => {
    expect(row("replicas-session").figures).toMatchObject({ residents: 20, continued: 20, controlHolds: true });
  });

  it("shares one resident's rate limit between the replicas", () => {
    expect(row("replicas-rate-limit").figures).toMatchObject({ answered: 10, notices: 1 });
  });

  it("acknowledges load spread over both, never stalling and losing nothing", () => {
    expect(row("replicas-load").figures["lost"]).toBe(0);
    expect(row("replicas-load").figures["notAcked"]).toBe(0);
    expect(row("replicas-load").figures["max"]).toBeLessThan(ACK_STALL_MS);
  });
});
