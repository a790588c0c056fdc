// Work started after a webhook is acknowledged: failures are contained and logged, and a stop waits for it.
import { describe, expect, it } from "vitest";
import { BackgroundTasks } from "../../src/server/background-tasks.js";
import { createLogger } from "../../src/server/logging/logger.js";
import { captureLogs } from "./support/log-capture.js";

describe("BackgroundTasks", () => {
  it("runs tasks without blocking, logs a failure under the task's name, and drains before a stop", async () => {
    const logs = captureLogs();
    const tasks = new BackgroundTasks(createLogger({ destination: logs.destination, mask: (s) => s }));
    const done: string[] = [];
    tasks.run("slow", async () => {
      await new Promise((r) => setTimeout(r, 50));
      done.push("slow");
    });
    tasks.run("broken", async () => {
      throw new Error("push failed");
    });
    tasks.run("sync-throw", () => {
      throw new Error("threw before any await");
    });
    expect(done).toEqual([]);
    expect(await tasks.drain(2000)).toBe(0);
    expect(done).toEqual(["slow"]);
    expect(tasks.size).toBe(0);
    const failures = logs
      .entries()
      .filter((e) => e["msg"] === "background task failed")
      .map((e) => e["task"]);
    expect(failures.sort()).toEqual(["broken", "sync-throw"]);
  });

  it("gives up waiting after the timeout and says how many are left", async () => {
    const tasks = new BackgroundTasks(createLogger({ destination: captureLogs().destination, mask: (s) => s }));
    let release!: () => void;
    tasks.run(
      "stuck",
      () =>
        new Promise<void>((r) => {
          release = r;
        }),
    );
    expect(await tasks.drain(50)).toBe(1);
    release();
    expect(await tasks.drain(1000)).toBe(0);
  });
});
