// The worker thread of line-sender.ts: sends the prepared requests at the given rate over keep-alive
// connections and posts back each one's status and time.
import { parentPort, workerData } from "node:worker_threads";
import { HttpClient } from "./http-client.js";
import type { SenderReport, SenderRequest } from "./line-sender.js";

const { requests, rate } = workerData as { requests: SenderRequest[]; rate: number };
const client = new HttpClient(256);
const status = new Array<number>(requests.length).fill(0);
const ms = new Array<number>(requests.length).fill(0);
const inFlight: Promise<void>[] = [];
const started = performance.now();
let sent = 0;
while (sent < requests.length) {
  const due = Math.min(requests.length, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
  for (; sent < due; sent++) {
    const k = sent;
    const r = requests[k]!;
    inFlight.push(
      client.send(r.url, { method: "POST", headers: r.headers, body: r.body }).then((a) => {
        status[k] = a.status;
        ms[k] = a.ms;
      }),
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 2));
}
await Promise.all(inFlight);
const report: SenderReport = { status, ms, seconds: (performance.now() - started) / 1000 };
parentPort!.postMessage(report);
