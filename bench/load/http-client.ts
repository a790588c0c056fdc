// HTTP to the server under test with keep-alive connections (as LINE's and Slack's senders keep them), timing
// each request from the first byte sent to the whole answer read. A connection that fails counts as status 0.
import { Agent, request } from "node:http";

export interface Sent {
  status: number;
  /** Milliseconds from sending to the end of the answer. */
  ms: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The network error's code when there was no answer (status 0). */
  error?: string;
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  timeoutMs?: number;
}

export class HttpClient {
  private readonly agent: Agent;

  constructor(maxSockets = 64) {
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  /**
   * Sends once; a request that failed on a reused keep-alive connection (the server closed it idle just as
   * it was reused: ECONNRESET/EPIPE before any answer) is sent once more on a new one, as browsers do.
   */
  async send(url: string, o: SendOptions = {}): Promise<Sent> {
    const first = await this.attempt(url, o);
    if (first.status !== 0 || !first.reused || !(first.error === "ECONNRESET" || first.error === "EPIPE")) return first;
    const again = await this.attempt(url, o);
    return { ...again, ms: first.ms + again.ms };
  }

  private attempt(url: string, o: SendOptions): Promise<Sent & { reused?: boolean }> {
    const started = performance.now();
    return new Promise((resolve) => {
      const body = o.body === undefined ? undefined : Buffer.isBuffer(o.body) ? o.body : Buffer.from(o.body, "utf8");
      const headers: Record<string, string | number> = { ...o.headers };
      if (body) headers["content-length"] = body.length;
      const req = request(
        url,
        { method: o.method ?? (body ? "POST" : "GET"), headers, agent: this.agent, timeout: o.timeoutMs ?? 30_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              ms: performance.now() - started,
              headers: res.headers,
              text: Buffer.concat(chunks).toString("utf8"),
            }),
          );
          res.on("error", (e: NodeJS.ErrnoException) =>
            resolve({ status: 0, ms: performance.now() - started, headers: {}, text: "", error: e.code ?? e.message }),
          );
        },
      );
      req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })));
      req.on("error", (e: NodeJS.ErrnoException) =>
        resolve({
          status: 0,
          ms: performance.now() - started,
          headers: {},
          text: "",
          error: e.code ?? e.message,
          reused: req.reusedSocket,
        }),
      );
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs `task` for each item with at most `concurrency` in flight; results in input order. */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
