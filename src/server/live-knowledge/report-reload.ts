// What a reload attempt leaves behind: one log line and the reload metrics (outcome, entries, stale).
import type { Logger } from "../logging/logger.js";
import type { ServerMetrics } from "../metrics/server-metrics.js";
import type { KnowledgeHealth, ReloadOutcome } from "./knowledge-runtime.js";

export function reportReload(logger: Logger, metrics: ServerMetrics, health: () => KnowledgeHealth) {
  return (result: ReloadOutcome, reason: string): void => {
    metrics.knowledgeReloads.inc({ outcome: result.outcome });
    const now = health();
    setKnowledgeGauges(metrics, now);
    if (result.outcome === "ok") {
      logger.info(
        {
          reason,
          version: result.version,
          previousVersion: result.previousVersion,
          entries: now.entries,
          ms: result.ms,
        },
        "knowledge reloaded",
      );
    } else if (result.outcome === "unchanged") {
      logger.info({ reason, version: result.version, ms: result.ms }, "knowledge unchanged");
    } else {
      logger.error(
        { reason, errors: result.errors, servingVersion: now.version, staleSince: now.staleSince, ms: result.ms },
        "knowledge reload failed: still serving the previous knowledge",
      );
    }
  };
}

export function setKnowledgeGauges(metrics: ServerMetrics, health: KnowledgeHealth): void {
  metrics.knowledgeEntries.set({ type: "program" }, health.programs);
  metrics.knowledgeEntries.set({ type: "faq" }, health.faqs);
  metrics.knowledgeStale.set(health.staleSince ? 1 : 0);
}
