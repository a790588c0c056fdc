// Sends LINE webhooks from a worker thread: its own event loop (and, on two cores, its own core), so the
// acknowledgement times it measures are the server's and the network's, not the wait of a client that is
// also the fake LINE API answering the server's replies on the same thread. The bodies are made and signed
// here (their reply tokens issued by the sink on this thread); the thread only sends them at the rate and
// times each from its being due to the whole answer read (wire-sender.ts).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { signedHeaders, webhookBody, type LineTarget } from "./line-webhooks.js";
import { residentEvent, type DriveOptions, type DriveResult } from "./line-load.js";

const THREAD = new URL("./line-sender-thread.js", import.meta.url);

/**
 * Whether the thread's compiled file is there: `npm run bench:load` runs compiled code; the bounded suite in
 * `npm run test:reliability` runs the sources, where a worker cannot load TypeScript, and sends in-thread.
 */
export const canSendApart = existsSync(fileURLToPath(THREAD));

export interface SenderRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What the thread reports: each request's status and milliseconds, in the order sent, and the seconds it took. */
export interface SenderReport {
  status: number[];
  ms: number[];
  seconds: number;
}

/** driveLine's options, to one target, without a client (the thread has its own). */
export type ApartOptions = Pick<DriveOptions, "rate" | "seconds" | "users" | "run"> & { target: LineTarget };

export async function driveLineApart(o: ApartOptions): Promise<DriveResult> {
  const total = Math.round(o.rate * o.seconds);
  const eventIds: string[] = [];
  const requests: SenderRequest[] = [];
  for (let n = 0; n < total; n++) {
    const e = residentEvent(o.target, n, o);
    eventIds.push(e.eventId);
    const body = webhookBody([e.event]);
    requests.push({ url: o.target.url, headers: signedHeaders(o.target.secret, body), body });
  }
  const report = await runSender(requests, o.rate);
  const ackMs = report.ms.filter((_, k) => report.status[k]! >= 200 && report.status[k]! < 300);
  return { sent: total, eventIds, ackMs, notAcked: total - ackMs.length, seconds: report.seconds };
}

function runSender(requests: SenderRequest[], rate: number): Promise<SenderReport> {
  const worker = new Worker(THREAD, { workerData: { requests, rate } });
  return new Promise((resolve, reject) => {
    worker.once("message", (r: SenderReport) => {
      resolve(r);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`line sender thread exited ${code}`)));
  });
}
