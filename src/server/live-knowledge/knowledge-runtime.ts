// Holds the knowledge and search index being served, and replaces them together on reload.
// A reload validates everything and builds the new index before the swap; the swap is one assignment,
// so every request sees either the old pair or the new one. On any error the old pair keeps serving and
// `health()` reports since when it has been stale and why.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { LoadOutcome } from "../../knowledge/load.js";
import { formatProblem, KnowledgeError } from "../../knowledge/problems.js";

export interface Snapshot<I> {
  readonly knowledge: KnowledgeBase;
  readonly index: I;
}

export type ReloadOutcome =
  | { outcome: "ok"; version: string; previousVersion: string; ms: number }
  | { outcome: "unchanged"; version: string; ms: number }
  | { outcome: "failed"; errors: string[]; ms: number };

export interface KnowledgeHealth {
  version: string;
  entries: number;
  programs: number;
  faqs: number;
  municipalities: number;
  loadedAt: string;
  /** Set after a failed reload until a reload succeeds: the served knowledge may be older than the files. */
  staleSince?: string;
  lastReloadError?: string[];
}

export interface RuntimeDeps<I> {
  dir: string;
  load: (dir: string) => Promise<LoadOutcome>;
  buildIndex: (knowledge: KnowledgeBase) => Promise<I>;
  /** How reloads (not the first load) read and index the files, when not with load/buildIndex here (reload-worker.ts). */
  reloader?: Pick<RuntimeDeps<I>, "load" | "buildIndex">;
  /** Called after every reload attempt (for logs and metrics). */
  onReload?: (result: ReloadOutcome, reason: string) => void;
  now?: () => Date;
}

const MAX_REPORTED_ERRORS = 20;

export class KnowledgeRuntime<I> {
  private snapshot: Snapshot<I>;
  private stale: { since: Date; errors: string[] } | undefined;
  private running: Promise<ReloadOutcome> | undefined;
  private queued: Promise<ReloadOutcome> | undefined;

  private constructor(
    private readonly deps: RuntimeDeps<I>,
    first: Snapshot<I>,
  ) {
    this.snapshot = first;
  }

  /** Loads and indexes the knowledge once; throws (KnowledgeError naming file, entry, field) if it is broken. */
  static async start<I>(deps: RuntimeDeps<I>): Promise<KnowledgeRuntime<I>> {
    const { knowledge, problems } = await deps.load(deps.dir);
    if (!knowledge) throw new KnowledgeError(problems);
    return new KnowledgeRuntime(deps, { knowledge, index: await deps.buildIndex(knowledge) });
  }

  /** The pair being served now. Read it once per request and use that one object throughout. */
  current(): Snapshot<I> {
    return this.snapshot;
  }

  /**
   * Reloads from disk. Reloads never overlap: a request during a reload queues exactly one more, and
   * concurrent requests share it (a burst of file events costs at most two reloads).
   */
  reload(reason = "manual"): Promise<ReloadOutcome> {
    if (!this.running) return this.startReload(reason);
    this.queued ??= this.running.then(() => {
      this.queued = undefined;
      return this.startReload(reason);
    });
    return this.queued;
  }

  health(): KnowledgeHealth {
    const kb = this.snapshot.knowledge;
    return {
      version: kb.version,
      entries: kb.entryCount,
      programs: kb.programs.length,
      faqs: kb.faqs.length,
      municipalities: kb.municipalities.length,
      loadedAt: kb.loadedAt.toISOString(),
      ...(this.stale ? { staleSince: this.stale.since.toISOString(), lastReloadError: this.stale.errors } : {}),
    };
  }

  private startReload(reason: string): Promise<ReloadOutcome> {
    const run = this.attempt().then((result) => {
      this.running = undefined;
      this.deps.onReload?.(result, reason);
      return result;
    });
    this.running = run;
    return run;
  }

  private async attempt(): Promise<ReloadOutcome> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    const { load, buildIndex } = this.deps.reloader ?? this.deps;
    try {
      const { knowledge, problems } = await load(this.deps.dir);
      if (!knowledge) return this.fail(problems.map(formatProblem), ms());
      const previousVersion = this.snapshot.knowledge.version;
      if (knowledge.version === previousVersion) {
        this.stale = undefined; // the files are back to what is served
        return { outcome: "unchanged", version: knowledge.version, ms: ms() };
      }
      const index = await buildIndex(knowledge);
      this.snapshot = { knowledge, index }; // the atomic swap
      this.stale = undefined;
      return { outcome: "ok", version: knowledge.version, previousVersion, ms: ms() };
    } catch (e) {
      return this.fail([e instanceof Error ? e.message : String(e)], ms());
    }
  }

  private fail(errors: string[], ms: number): ReloadOutcome {
    const kept = errors.slice(0, MAX_REPORTED_ERRORS);
    if (errors.length > kept.length) kept.push(`… and ${errors.length - kept.length} more`);
    this.stale = { since: this.stale?.since ?? this.deps.now?.() ?? new Date(), errors: kept };
    return { outcome: "failed", errors: kept, ms };
  }
}
