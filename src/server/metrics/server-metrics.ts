// The metrics every part of the server shares, in one prom-client registry per server (tests start several
// in one process). Channels (web, LINE, Slack) increment the same no-match, query-latency and duplicate
// counters with their own `channel` label, so /metrics shows one picture of what residents and staff
// asked; the process, heap, GC and event-loop-lag metrics are prom-client's defaults.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** Seconds; query latency is sub-millisecond on a city's knowledge, the tail shows in the upper buckets. */
const QUERY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const HTTP_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface ServerMetrics {
  registry: Registry;
  httpRequests: Counter<"route" | "method" | "status">;
  httpDuration: Histogram<"route">;
  /** Time to answer one question (search or conversation turn); kind "search" | "chat". */
  queryDuration: Histogram<"channel" | "kind">;
  /** Questions the bot could not answer. */
  noMatch: Counter<"channel">;
  /** Webhook events dropped because the same delivery id was already handled. */
  duplicateDeliveriesDropped: Counter<"channel">;
  /** LINE webhook events; channel "line" or "line/<name>", outcome "answered", "duplicate" … */
  lineEvents: Counter<"channel" | "type" | "outcome">;
  /** Refusals by a per-user rate limit; outcome "notice" or "drop" (LINE), "429" (web). */
  rateLimited: Counter<"channel" | "outcome">;
  /** Conversation turns waiting to run. */
  turnsWaiting: Gauge;
  knowledgeReloads: Counter<"outcome">;
  knowledgeEntries: Gauge<"type">;
  /** 1 while the server serves knowledge older than the files on disk (a reload failed). */
  knowledgeStale: Gauge;
  /** process.memoryUsage() when scraped, by kind (rss, heapTotal, heapUsed, external, arrayBuffers). */
  memory: Gauge<"kind">;
}

export function createServerMetrics(registry = new Registry()): ServerMetrics {
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: "madoguchi_http_requests_total",
      help: "HTTP requests by route pattern, method and status.",
      labelNames: ["route", "method", "status"],
      registers,
    }),
    httpDuration: new Histogram({
      name: "madoguchi_http_request_duration_seconds",
      help: "Time from request to response, by route pattern.",
      labelNames: ["route"],
      buckets: HTTP_BUCKETS,
      registers,
    }),
    queryDuration: new Histogram({
      name: "madoguchi_query_duration_seconds",
      help: "Time to answer one question, by channel and kind (search, chat).",
      labelNames: ["channel", "kind"],
      buckets: QUERY_BUCKETS,
      registers,
    }),
    noMatch: new Counter({
      name: "madoguchi_no_match_total",
      help: "Questions no knowledge entry answered, by channel.",
      labelNames: ["channel"],
      registers,
    }),
    duplicateDeliveriesDropped: new Counter({
      name: "madoguchi_duplicate_deliveries_dropped_total",
      help: "Webhook deliveries dropped as duplicates of one already handled, by channel.",
      labelNames: ["channel"],
      registers,
    }),
    lineEvents: new Counter({
      name: "madoguchi_line_events_total",
      help: "LINE webhook events by channel, type and outcome.",
      labelNames: ["channel", "type", "outcome"],
      registers,
    }),
    rateLimited: new Counter({
      name: "madoguchi_rate_limited_total",
      help: "Requests refused by a per-user rate limit, by channel and outcome (line: notice, drop; web: 429).",
      labelNames: ["channel", "outcome"],
      registers,
    }),
    turnsWaiting: new Gauge({
      name: "madoguchi_turns_waiting",
      help: "Conversation turns waiting to run (a backlog means questions arrive faster than this process answers them).",
      registers,
    }),
    knowledgeReloads: new Counter({
      name: "madoguchi_knowledge_reloads_total",
      help: "Knowledge reloads by outcome (ok, unchanged, failed).",
      labelNames: ["outcome"],
      registers,
    }),
    knowledgeEntries: new Gauge({
      name: "madoguchi_knowledge_entries",
      help: "Entries in the knowledge being served, by type.",
      labelNames: ["type"],
      registers,
    }),
    knowledgeStale: new Gauge({
      name: "madoguchi_knowledge_stale",
      help: "1 when the last knowledge reload failed and older knowledge is being served.",
      registers,
    }),
    memory: memoryGauge(registers),
  };
}

/**
 * The whole of process.memoryUsage() in one gauge: prom-client's defaults leave out arrayBuffers, and
 * an RSS that grows while the heap does not is told apart only by seeing all five side by side.
 */
function memoryGauge(registers: Registry[]): Gauge<"kind"> {
  return new Gauge({
    name: "madoguchi_memory_bytes",
    help: "process.memoryUsage() by kind: rss, heapTotal, heapUsed, external, arrayBuffers.",
    labelNames: ["kind"],
    registers,
    collect() {
      const m = process.memoryUsage();
      for (const kind of ["rss", "heapTotal", "heapUsed", "external", "arrayBuffers"] as const)
        this.set({ kind }, m[kind]);
    },
  });
}
