// Work a route starts after answering (a LINE webhook acknowledges at once, then answers the events).
// Each task's failure is logged and contained; shutdown waits for the tasks still running, so no
// acknowledged event is dropped on a graceful stop.
import type { Logger } from "./logging/logger.js";

export class BackgroundTasks {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /** Runs `work` without blocking the caller; a throw is logged under `name`, never propagated. */
  run(name: string, work: () => Promise<unknown>): void {
    const task: Promise<void> = Promise.resolve()
      .then(work)
      .then(
        () => undefined,
        (e: unknown) => {
          this.logger.error({ task: name, err: e }, "background task failed");
        },
      )
      .finally(() => {
        this.running.delete(task);
      });
    this.running.add(task);
  }

  /** Resolves when no task is running, including tasks started while waiting (tests wait on this, never on a timer). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves when every task started so far has finished, or after `timeoutMs`; returns how many were left. */
  async drain(timeoutMs: number): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    while (this.running.size > 0) {
      const settled = await Promise.race([
        Promise.allSettled([...this.running]).then(() => true),
        timeout.then(() => false),
      ]);
      if (!settled) break;
    }
    clearTimeout(timer);
    return this.running.size;
  }
}
