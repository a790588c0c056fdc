// Builds what the channels share: the tokenizer (once), the knowledge and its search index (rebuilt on
// reload), the dialogue data, the conversation engine, sessions, the handoff desk and the turn feed.
import type { ServerConfig } from "../config/server-config.js";
import { BUNDLED_INTENTS, BUNDLED_SYNONYMS, ConfigError } from "../config/server-config.js";
import type { Logger } from "./logging/logger.js";
import type { ServerMetrics } from "./metrics/server-metrics.js";
import type { ServerServices } from "./server-services.js";
import { KnowledgeRuntime } from "./live-knowledge/knowledge-runtime.js";
import { reportReload, setKnowledgeGauges } from "./live-knowledge/report-reload.js";
import { TurnFeed } from "../dialogue/engine/turn-feed.js";
import { loadKnowledgeCached } from "../knowledge/cache/knowledge-snapshot.js";
import { defaultCacheDir } from "../knowledge/cache/cache-dir.js";
import type { KnowledgeBase } from "../knowledge/knowledge-base.js";
import { createJapaneseTokenizer } from "../text/tokenizer.js";
import type { SearchIndex } from "../search/search-index.js";
import { openIndex } from "../search/open-search.js";
import { searchIndexCodec } from "../search/index-codec.js";
import { RELOAD_WORKER_SCRIPT, reloadWorkerAvailable, startReloadWorker } from "./live-knowledge/reload-worker.js";
import type { ReloadWorkerData } from "./live-knowledge/reload-worker-thread.js";
import { loadDialogueData } from "../dialogue/intents/load-dialogue-data.js";
import { createSharedState } from "../shared-state/shared-state.js";
import { createRateLimits } from "./rate-limit/rate-limits.js";
import { ScheduledConversationEngine } from "./scheduling/scheduled-engine.js";
import { HandoffService } from "../dialogue/handoff/handoff-service.js";
import { staffServices } from "./staff-services.js";

export interface BuildServicesOptions {
  config: ServerConfig;
  logger: Logger;
  metrics: ServerMetrics;
  mask: (text: string) => string;
  now?: () => Date;
}

export async function buildServices(o: BuildServicesOptions): Promise<ServerServices> {
  const now = o.now ?? (() => new Date());
  // The tokenizer's dictionary loads while the knowledge files are read and validated.
  const tokenizing = createJapaneseTokenizer();
  const report = reportReload(o.logger, o.metrics, () => runtime.health());
  // MADOGUCHI_CACHE_DIR: the knowledge snapshot and the saved index, read at start when no knowledge file changed.
  const cacheDir = defaultCacheDir(o.config.env);
  // Reloads read, validate and index in a worker thread; this thread only decodes the result between requests.
  const workerData: ReloadWorkerData = { cacheDir, fallbackSynonyms: BUNDLED_SYNONYMS };
  const reloader = reloadWorkerAvailable(o.config.env)
    ? startReloadWorker<SearchIndex>({
        script: RELOAD_WORKER_SCRIPT,
        workerData,
        decodeIndex: async (parts, between) => searchIndexCodec(await tokenizing).decode(parts, between),
      })
    : undefined;
  // A start that fails (a broken knowledge file) stops the worker too, so the process can exit with its error.
  const started = Promise.all([
    KnowledgeRuntime.start<SearchIndex>({
      dir: o.config.knowledgeDir,
      load: (dir) => loadKnowledgeCached(dir, cacheDir),
      buildIndex: async (kb) =>
        (await openIndex(kb, await tokenizing, { fallbackSynonyms: BUNDLED_SYNONYMS, cacheDir })).index,
      reloader,
      onReload: report,
    }),
    tokenizing,
    loadDialogueData(BUNDLED_INTENTS),
  ]);
  const [runtime, tokenizer, data] = await started.catch(async (e: unknown) => {
    await reloader?.close();
    throw e;
  });
  setKnowledgeGauges(o.metrics, runtime.health());
  const scope = resolveScope(o.config.municipality, runtime.current().knowledge);
  // Sessions, duplicate deliveries and rate-limit buckets: in Redis when REDIS_URL is set (several replicas), else here.
  const shared = await createSharedState(o.config.env, {
    onRedisError: (f) => o.logger.warn(f, "redis connection trouble"),
    onJournalTrouble: (f) => o.logger.error(f, "journal write failed; these events are answered from memory only"),
  });
  const limits = createRateLimits(o.config.env, shared.rateBuckets, o.metrics);
  const sessions = shared.sessions;
  const turns = new TurnFeed((e) => o.logger.warn({ err: e }, "a turn observer failed"));
  const handoff = new HandoffService({ store: shared.handoffs, mask: o.mask, log: o.logger });
  const staffReachable = (channel: string) => handoff.canReach(channel);
  const engine = new ScheduledConversationEngine(
    { snapshot: () => runtime.current(), data, tokenizer, sessions, now, onTurn: turns.publish, staffReachable },
    limits.turns,
  );
  const staff = await staffServices({ config: o.config, runtime, logger: o.logger, now });
  return {
    runtime,
    knowledge: () => runtime.current().knowledge,
    engine,
    sessions,
    shared,
    limits,
    handoff,
    turns,
    mask: o.mask,
    scope,
    now,
    staff,
    ...(reloader ? { reloadWorker: reloader } : {}),
  };
}

function resolveScope(municipality: string | undefined, kb: KnowledgeBase): string | null {
  if (!municipality) return null;
  const name = kb.resolveMunicipality(municipality);
  if (!name)
    throw new ConfigError(
      "MADOGUCHI_MUNICIPALITY",
      `"${municipality}" is not a municipality of this knowledge (known: ${kb.municipalities.map((m) => m.name).join(", ")})`,
    );
  return name;
}
