// Drives LINE webhooks at a steady rate (one event per request, as LINE mostly sends them), each from
// one of many residents so no one's rate limit is reached, and waits until the sink has every answer.
import type { HttpClient, Sent } from "./http-client.js";
import { lineUserId, postLine, textEvent, webhookBody, type LineTarget, type TextEvent } from "./line-webhooks.js";
import { pick, RESIDENT_QUESTIONS } from "./questions.js";

export interface DriveResult {
  sent: number;
  eventIds: string[];
  ackMs: number[];
  /** Acknowledgements that were not 2xx (status 0: no answer at all). */
  notAcked: number;
  seconds: number;
}

export interface DriveOptions {
  /** Several targets (replicas behind one Redis): events go to each in turn. */
  target: LineTarget | LineTarget[];
  client: HttpClient;
  /** Events per second. */
  rate: number;
  seconds: number;
  /** How many different residents the events come from (round robin). */
  users: number;
  /** Distinguishes the user ids of one run from another's. */
  run: string;
  /** Called every second with what has been sent (progress lines). */
  onSecond?: (second: number, sent: number) => void;
}

export async function driveLine(o: DriveOptions): Promise<DriveResult> {
  const total = Math.round(o.rate * o.seconds);
  const targets = Array.isArray(o.target) ? o.target : [o.target];
  const eventIds: string[] = [];
  const ackMs: number[] = [];
  let notAcked = 0;
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  let sent = 0;
  let lastSecond = 0;
  while (sent < total) {
    const elapsed = (performance.now() - started) / 1000;
    const due = Math.min(total, Math.floor(elapsed * o.rate) + 1);
    for (; sent < due; sent++) {
      const target = targets[sent % targets.length]!;
      const e = residentEvent(target, sent, o);
      eventIds.push(e.eventId);
      const body = webhookBody([e.event]);
      const p = postLine(o.client, target, body).then((r: Sent) => {
        if (r.status >= 200 && r.status < 300) ackMs.push(r.ms);
        else notAcked++;
      });
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
    if (Math.floor(elapsed) > lastSecond) {
      lastSecond = Math.floor(elapsed);
      o.onSecond?.(lastSecond, sent);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all([...inFlight]);
  return { sent, eventIds, ackMs, notAcked, seconds: (performance.now() - started) / 1000 };
}

/** The n-th event of a run: one of `users` residents (round robin) asking one of the residents' questions. */
export function residentEvent(target: LineTarget, n: number, o: { users: number; run: string }): TextEvent {
  const user = lineUserId(n % o.users, o.run);
  return textEvent(target.sink, user, pick(RESIDENT_QUESTIONS, n * 7 + Math.floor(n / o.users)));
}

/** Resolves when every event has been answered, or when no new answer came for `quietMs`; returns how many are missing. */
export async function awaitAnswers(
  target: LineTarget,
  eventIds: readonly string[],
  quietMs = 20_000,
  maxMs = 180_000,
): Promise<{ missing: number; waitedMs: number }> {
  const started = Date.now();
  let lastProgress = Date.now();
  let missing = countMissing(target, eventIds);
  while (missing > 0 && Date.now() - lastProgress < quietMs && Date.now() - started < maxMs) {
    await new Promise((r) => setTimeout(r, 100));
    const now = countMissing(target, eventIds);
    if (now < missing) lastProgress = Date.now();
    missing = now;
  }
  return { missing, waitedMs: Date.now() - started };
}

function countMissing(target: LineTarget, eventIds: readonly string[]): number {
  let n = 0;
  for (const id of eventIds) if (target.sink.answered(id) === 0) n++;
  return n;
}
