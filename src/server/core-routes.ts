// GET /healthz and GET /metrics: what an operator or a load balancer asks the server.
import type { RouteTable } from "./http/route-table.js";
import { jsonResponse, textResponse } from "../channels/http/route.js";
import type { KnowledgeHealth } from "./live-knowledge/knowledge-runtime.js";
import type { ServerMetrics } from "./metrics/server-metrics.js";

export interface CoreRouteDeps {
  health: () => KnowledgeHealth;
  metrics: ServerMetrics;
  /** Names of the channels that are mounted (web, line, slack …). */
  channels: () => string[];
  startedAt: Date;
  now?: () => Date;
}

export interface HealthBody {
  /** "ok", or "stale" while a failed reload leaves older knowledge serving (the server still answers). */
  status: "ok" | "stale";
  startedAt: string;
  uptimeSeconds: number;
  channels: string[];
  knowledge: KnowledgeHealth;
}

export function registerCoreRoutes(routes: RouteTable, deps: CoreRouteDeps): void {
  routes.get("/healthz", () => {
    const knowledge = deps.health();
    const now = deps.now?.() ?? new Date();
    const body: HealthBody = {
      status: knowledge.staleSince ? "stale" : "ok",
      startedAt: deps.startedAt.toISOString(),
      uptimeSeconds: Math.round((now.getTime() - deps.startedAt.getTime()) / 1000),
      channels: deps.channels(),
      knowledge,
    };
    return jsonResponse(200, body);
  });
  routes.get("/metrics", async () =>
    textResponse(200, await deps.metrics.registry.metrics(), deps.metrics.registry.contentType),
  );
}
