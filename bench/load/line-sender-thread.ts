// The worker thread of line-sender.ts: sends the prepared requests at the given rate over keep-alive
// connections (wire-sender.ts) and posts back each one's status and time.
import { parentPort, workerData } from "node:worker_threads";
import { sendOnWire } from "./wire-sender.js";
import type { SenderRequest } from "./line-sender.js";

const { requests, rate } = workerData as { requests: SenderRequest[]; rate: number };
parentPort!.postMessage(await sendOnWire(requests, rate));
