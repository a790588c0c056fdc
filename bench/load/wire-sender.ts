// A lean HTTP/1.1 sender for the spike: the requests are turned into their exact bytes before the clock
// starts, sent over a pool of keep-alive connections (one request at a time on each, as LINE sends them:
// no pipelining), and an answer is read as far as its status and Content-Length. Node's http client
// (http-client.ts) costs this VM ~0.7 ms of CPU a request: against a bare node:http server answering
// `{}` it needed 2.7 s to send 2,000 requests meant for one second and measured its own queueing as a
// p99 of 1.5 s. This one costs ~0.2 ms, so the figure is the server's.
import { connect, type Socket } from "node:net";

export interface WireRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface WireReport {
  /** Each request's status (0: no answer) and milliseconds, in the order sent. */
  status: number[];
  ms: number[];
  seconds: number;
}

/** Sends `requests` at `rate` a second over at most `maxSockets` connections; resolves when all are answered. */
export async function sendOnWire(
  requests: readonly WireRequest[],
  rate: number,
  maxSockets = 256,
): Promise<WireReport> {
  const pool = new WirePool(requests, maxSockets);
  const started = performance.now();
  let sent = 0;
  while (sent < requests.length) {
    const due = Math.min(requests.length, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
    for (; sent < due; sent++) pool.send(sent);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await pool.allAnswered;
  pool.close();
  return { status: pool.status, ms: pool.ms, seconds: (performance.now() - started) / 1000 };
}

class WirePool {
  readonly status: number[];
  readonly ms: number[];
  readonly allAnswered: Promise<void>;
  private readonly wire: Buffer[];
  /** When each request was handed to the pool: a wait for a free connection counts in its time. */
  private readonly queuedAt: number[];
  private readonly idle: WireConnection[] = [];
  private readonly waiting: number[] = [];
  private readonly sockets: Socket[] = [];
  private readonly target: URL;
  private answered = 0;
  private finish!: () => void;

  constructor(
    requests: readonly WireRequest[],
    private readonly maxSockets: number,
  ) {
    this.wire = requests.map(toBytes);
    this.status = new Array<number>(requests.length).fill(0);
    this.ms = new Array<number>(requests.length).fill(0);
    this.queuedAt = new Array<number>(requests.length).fill(0);
    this.allAnswered = new Promise((resolve) => {
      this.finish = resolve;
      if (requests.length === 0) resolve();
    });
    this.target = new URL(requests[0]?.url ?? "http://127.0.0.1/");
  }

  send(k: number): void {
    this.queuedAt[k] = performance.now();
    const c = this.idle.pop() ?? (this.sockets.length < this.maxSockets ? this.open() : undefined);
    if (c) c.send(k, this.wire[k]!);
    else this.waiting.push(k);
  }

  close(): void {
    for (const s of this.sockets) s.destroy();
  }

  private open(): WireConnection {
    const socket = connect(Number(this.target.port), this.target.hostname);
    socket.setNoDelay(true);
    this.sockets.push(socket);
    return new WireConnection(socket, (k, status, c) => this.done(k, status, c));
  }

  private done(k: number, status: number, c?: WireConnection): void {
    this.status[k] = status;
    this.ms[k] = performance.now() - this.queuedAt[k]!;
    if (++this.answered === this.wire.length) this.finish();
    if (!c) return;
    const next = this.waiting.shift();
    if (next === undefined) this.idle.push(c);
    else c.send(next, this.wire[next]!);
  }
}

/** One keep-alive connection: one request in flight, its answer parsed from the bytes as they come. */
class WireConnection {
  private buffered: Buffer = Buffer.alloc(0);
  private current = -1;

  constructor(
    private readonly socket: Socket,
    private readonly onAnswer: (k: number, status: number, c?: WireConnection) => void,
  ) {
    socket.on("data", (chunk: Buffer) => this.read(chunk));
    // A connection that fails answers its request with status 0 and is not used again.
    socket.on("error", () => this.fail());
    socket.on("close", () => this.fail());
  }

  send(k: number, bytes: Buffer): void {
    this.current = k;
    this.socket.write(bytes);
  }

  private read(chunk: Buffer): void {
    this.buffered = this.buffered.length > 0 ? Buffer.concat([this.buffered, chunk]) : chunk;
    const end = this.buffered.indexOf("\r\n\r\n");
    if (end < 0 || this.current < 0) return;
    const head = this.buffered.subarray(0, end).toString("latin1");
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    if (this.buffered.length < end + 4 + length) return;
    this.buffered = this.buffered.subarray(end + 4 + length);
    const k = this.current;
    this.current = -1;
    this.onAnswer(k, Number(head.slice(9, 12)) || 0, this);
  }

  private fail(): void {
    if (this.current < 0) return;
    const k = this.current;
    this.current = -1;
    this.onAnswer(k, 0);
  }
}

/** The request as it goes on the wire (the server under test always answers with a Content-Length). */
function toBytes(r: WireRequest): Buffer {
  const url = new URL(r.url);
  const body = Buffer.from(r.body, "utf8");
  const lines = [`POST ${url.pathname}${url.search} HTTP/1.1`, `host: ${url.host}`];
  for (const [name, value] of Object.entries(r.headers)) lines.push(`${name}: ${value}`);
  lines.push(`content-length: ${body.length}`, "", "");
  return Buffer.concat([Buffer.from(lines.join("\r\n"), "latin1"), body]);
}
