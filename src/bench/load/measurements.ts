// The table both load scripts print: one row per check of ../shared/guides/platform-limits.md (and the
// issue's additions), each with its target, what was measured and whether the target was met.

export interface Measurement {
  /** Stable id the reliability tests look rows up by. */
  id: string;
  check: string;
  target: string;
  result: string;
  pass: boolean;
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
    const lines = this.rows.map((r) => [r.check, r.target, r.result, r.pass ? "yes" : "NO"].map(cell));
    return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...lines.map((l) => `| ${l.join(" | ")} |`)].join("\n");
  }
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
