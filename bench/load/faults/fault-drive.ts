// What every fault scenario does around its fault: send LINE events at a rate (one per webhook, from many
// residents), remember which were acknowledged with 200, wait until the sink has an answer for each of
// those (or nothing new arrives for a while), and count: sent, acknowledged, answered, answered twice, lost
// (acknowledged and never answered). An event whose webhook was not acknowledged (the process was dead) is
// LINE's to redeliver, not ours to answer: it is counted, not lost.
import type { HttpClient } from "../http-client.js";
import { lineUserId, postLine, textEvent, webhookBody, type LineTarget } from "../line-webhooks.js";
import { pick, RESIDENT_QUESTIONS } from "../questions.js";
import type { LineApiSink } from "../line-api-sink.js";
import type { ScenarioContext } from "../scenarios/context.js";
import { summarize, ms } from "../stats.js";
import { readLog } from "../server-process.js";

/** What a fault scenario needs of the run: it starts its own servers. */
export type FaultContext = Pick<ScenarioContext, "rig" | "profile" | "out" | "say">;

export interface FaultDrive {
  sent: string[];
  acked: string[];
  ackMs: number[];
}

export interface SendOptions {
  targets: () => LineTarget[];
  client: HttpClient;
  count: number;
  /** Events per second. */
  rate: number;
  run: string;
  /** Called once, when `at` events have been sent (the moment of the fault). */
  at?: number;
  onAt?: () => void;
  /** Called once, when `atAcked` events have been acknowledged (a fault that must hit acknowledged work). */
  atAcked?: number;
  onAcked?: () => void;
}

export async function sendEvents(o: SendOptions): Promise<FaultDrive> {
  const drive: FaultDrive = { sent: [], acked: [], ackMs: [] };
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  while (drive.sent.length < o.count) {
    const due = Math.min(o.count, Math.floor(((performance.now() - started) / 1000) * o.rate) + 1);
    while (drive.sent.length < due) {
      const i = drive.sent.length;
      if (i === o.at) o.onAt?.();
      const targets = o.targets();
      const target = targets[i % targets.length]!;
      const e = textEvent(target.sink, lineUserId(i, o.run), pick(RESIDENT_QUESTIONS, i * 7));
      drive.sent.push(e.eventId);
      inFlight.push(
        postLine(o.client, target, webhookBody([e.event])).then((r) => {
          if (r.status !== 200) return;
          drive.acked.push(e.eventId);
          drive.ackMs.push(r.ms);
          if (drive.acked.length === o.atAcked) o.onAcked?.();
        }),
      );
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(inFlight);
  return drive;
}

/** Waits until every acknowledged event is answered, or nothing new for `quietMs` (or `maxMs` in all). */
export async function awaitAcked(
  sink: LineApiSink,
  ids: readonly string[],
  quietMs: number,
  maxMs = 300_000,
): Promise<number> {
  const started = Date.now();
  let last = Date.now();
  let missing = ids.filter((id) => sink.answered(id) === 0).length;
  while (missing > 0 && Date.now() - last < quietMs && Date.now() - started < maxMs) {
    await new Promise((r) => setTimeout(r, 200));
    const now = ids.filter((id) => sink.answered(id) === 0).length;
    if (now < missing) last = Date.now();
    missing = now;
  }
  return (Date.now() - started) / 1000;
}

/** Events a server handled as redo (replayed from its journal, or claimed from a dead replica), from its log. */
export async function redoCount(logFile: string): Promise<number> {
  return (await readLog(logFile))
    .split("\n")
    .filter((l) => l.includes('"redo":true') && l.includes('"msg":"line event"')).length;
}

export interface FaultCounts {
  sent: number;
  acknowledged: number;
  answered: number;
  answeredTwice: number;
  lost: number;
}

export function countFault(sink: LineApiSink, drive: FaultDrive): FaultCounts {
  const answered = drive.sent.filter((id) => sink.answered(id) > 0).length;
  return {
    sent: drive.sent.length,
    acknowledged: drive.acked.length,
    answered,
    answeredTwice: drive.sent.filter((id) => sink.answered(id) > 1).length,
    lost: drive.acked.filter((id) => sink.answered(id) === 0).length,
  };
}

/** One row of the fault table. */
export function addFaultRow(
  ctx: FaultContext,
  id: string,
  fault: string,
  drive: FaultDrive,
  caughtUpSeconds: number,
  note: string,
  extra: Record<string, number | string | boolean> = {},
): FaultCounts {
  const c = countFault(ctx.rig.line, drive);
  const ack = summarize(drive.ackMs);
  const twice = drive.sent.filter((e) => ctx.rig.line.answered(e) > 1);
  if (twice.length > 0)
    ctx.say(`  ${id}: answered twice: ${twice.slice(0, 10).join(" ")} (look them up in the servers' logs)`);
  ctx.out.add({
    id,
    check: `fault: ${fault}`,
    target: "0 acknowledged events lost, 0 answered twice",
    result: `sent ${c.sent}, acknowledged ${c.acknowledged}, answered ${c.answered}, answered twice ${c.answeredTwice}, lost ${c.lost}; ack p99 ${ms(ack.p99)}; caught up ${caughtUpSeconds.toFixed(1)} s after the last event; ${note}`,
    pass: c.lost === 0 && c.answeredTwice === 0 && c.acknowledged > 0,
    figures: {
      ...c,
      ackP99: Math.round(ack.p99 * 100) / 100,
      caughtUpSeconds: Math.round(caughtUpSeconds * 10) / 10,
      ...extra,
    },
  });
  return c;
}
