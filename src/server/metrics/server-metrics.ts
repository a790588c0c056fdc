// The metrics every part of the server shares. Channels (web, LINE, Slack) increment the same
// no-match, query-latency and duplicate counters with their own `channel` label, so /metrics shows
// one picture of what residents and staff asked.
import { MetricsRegistry, type Counter, type Gauge, type Histogram } from "./registry.js";

/** Seconds; query latency is sub-millisecond on a city's knowledge, the tail shows in the upper buckets. */
const QUERY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const HTTP_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface ServerMetrics {
  registry: MetricsRegistry;
  /** labels: route (the route pattern, or "unmatched"), method, status */
  httpRequests: Counter;
  /** labels: route */
  httpDuration: Histogram;
  /** Time to answer one question (search or conversation turn). labels: channel, kind ("search" | "chat") */
  queryDuration: Histogram;
  /** Questions the bot could not answer. labels: channel */
  noMatch: Counter;
  /** Webhook events dropped because the same delivery id was already handled. labels: channel */
  duplicateDeliveriesDropped: Counter;
  /** LINE webhook events. labels: channel ("line", "line/<name>"), type, outcome ("answered", "duplicate" …) */
  lineEvents: Counter;
  /** labels: outcome ("ok" | "unchanged" | "failed") */
  knowledgeReloads: Counter;
  /** labels: type ("program" | "faq") */
  knowledgeEntries: Gauge;
  /** 1 while the server serves knowledge older than the files on disk (a reload failed). */
  knowledgeStale: Gauge;
}

export function createServerMetrics(registry = new MetricsRegistry()): ServerMetrics {
  return {
    registry,
    httpRequests: registry.counter("madoguchi_http_requests_total", "HTTP requests by route pattern, method and status.", ["route", "method", "status"]),
    httpDuration: registry.histogram("madoguchi_http_request_duration_seconds", "Time from request to response, by route pattern.", ["route"], HTTP_BUCKETS),
    queryDuration: registry.histogram("madoguchi_query_duration_seconds", "Time to answer one question, by channel and kind (search, chat).", ["channel", "kind"], QUERY_BUCKETS),
    noMatch: registry.counter("madoguchi_no_match_total", "Questions no knowledge entry answered, by channel.", ["channel"]),
    duplicateDeliveriesDropped: registry.counter("madoguchi_duplicate_deliveries_dropped_total", "Webhook deliveries dropped as duplicates of one already handled, by channel.", ["channel"]),
    lineEvents: registry.counter("madoguchi_line_events_total", "LINE webhook events by channel, type and outcome.", ["channel", "type", "outcome"]),
    knowledgeReloads: registry.counter("madoguchi_knowledge_reloads_total", "Knowledge reloads by outcome (ok, unchanged, failed).", ["outcome"]),
    knowledgeEntries: registry.gauge("madoguchi_knowledge_entries", "Entries in the knowledge being served, by type.", ["type"]),
    knowledgeStale: registry.gauge("madoguchi_knowledge_stale", "1 when the last knowledge reload failed and older knowledge is being served."),
  };
}
