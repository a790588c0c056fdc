// The table both load scripts print: one row per check of ../shared/guides/platform-limits.md (and the
// issue's additions), each with its target, what was measured and whether the target was met.

export interface Measurement {
  /** Stable id the reliability tests look rows up by. */
  id: string;
  check: string;
  target: string;
  result: string;
  /** The requirement was met (for latency: LINE's own limit). */
  pass: boolean;
  /** For rows with a stricter goal than the requirement (ack p99 ≤ 100 ms): whether the goal was met too. */
  goalMet?: boolean;
  /** Raw numbers, for the tests' own assertions and the JSON output. */
  figures: Record<string, number | string | boolean>;
}

export class Measurements {
  readonly rows: Measurement[] = [];

  add(row: Measurement): Measurement {
    this.rows.push(row);
    return row;
  }

  get(id: string): Measurement | undefined {
    return this.rows.find((r) => r.id === id);
  }

  get allPass(): boolean {
    return this.rows.every((r) => r.pass);
  }

  /** A Markdown table (it reads as plain text too, and pastes into README). */
  table(): string {
    const header = ["check", "target", "measured", "ok"];
    const lines = this.rows.map((r) => [r.check, r.target, r.result, verdict(r)].map(cell));
    return [
      `| ${header.join(" | ")} |`,
      `|${header.map(() => "---").join("|")}|`,
      ...lines.map((l) => `| ${l.join(" | ")} |`),
    ].join("\n");
  }
}

function verdict(r: Measurement): string {
  if (!r.pass) return "NO";
  return r.goalMet === false ? "within LINE's limit; goal missed" : "yes";
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
