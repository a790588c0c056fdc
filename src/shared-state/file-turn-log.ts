// The App Home's turns on disk, for a single server without Redis: they survive a restart. Two append-only
// JSON-lines files in the state directory (MADOGUCHI_STATE_DIR, default ./.madoguchi/state): turns.jsonl
// (a turn, or {"forget": …} for a withdrawn message) and dismissed.jsonl (「対象外」 ids). Read once at
// start; rewritten compactly when the turns file holds twice the capacity.
import { appendFile, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { MemoryTurnLog, TURN_LOG_CAPACITY, type LoggedTurn } from "../dialogue/engine/turn-log.js";

export class FileTurnLog extends MemoryTurnLog {
  private lines = 0;
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly dir: string,
    capacity: number,
  ) {
    super(capacity);
  }

  static async open(dir: string, capacity = TURN_LOG_CAPACITY): Promise<FileTurnLog> {
    await mkdir(dir, { recursive: true });
    const log = new FileTurnLog(dir, capacity);
    for (const line of await readLines(join(dir, "turns.jsonl"))) {
      log.lines++;
      const v = parse(line) as
        | (LoggedTurn & { forget?: undefined })
        | { forget: { source: string; user: string; messageId: string } }
        | undefined;
      if (!v) continue;
      if ("forget" in v && v.forget) await MemoryTurnLog.prototype.forget.call(log, v.forget);
      else await MemoryTurnLog.prototype.append.call(log, v as LoggedTurn);
    }
    for (const line of await readLines(join(dir, "dismissed.jsonl"))) {
      const id = parse(line);
      if (typeof id === "string") log.dismissedIds.add(id);
    }
    return log;
  }

  override async append(turn: LoggedTurn): Promise<void> {
    await super.append(turn);
    await this.write("turns.jsonl", turn);
  }

  override async forget(m: { source: string; user: string; messageId: string }): Promise<void> {
    await super.forget(m);
    await this.write("turns.jsonl", { forget: m });
  }

  override async dismiss(id: string): Promise<boolean> {
    if (!(await super.dismiss(id))) return false;
    await this.write("dismissed.jsonl", id);
    return true;
  }

  /** Appends one line; writes are queued so lines never interleave, and the file is compacted when long. */
  private write(file: string, value: unknown): Promise<void> {
    const run = this.writing.then(async () => {
      await appendFile(join(this.dir, file), `${JSON.stringify(value)}\n`, "utf8");
      if (file === "turns.jsonl" && ++this.lines > 2 * this.capacity) await this.compact();
    });
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async compact(): Promise<void> {
    const path = join(this.dir, "turns.jsonl");
    await writeFile(`${path}.tmp`, this.turns.map((t) => `${JSON.stringify(t)}\n`).join(""), "utf8");
    await rename(`${path}.tmp`, path);
    this.lines = this.turns.length;
  }
}

async function readLines(path: string): Promise<string[]> {
  return (await readFile(path, "utf8").catch(() => "")).split("\n").filter((l) => l.trim() !== "");
}

function parse(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined; // a line cut short by a crash: skipped
  }
}
