// docs/search.md states the search model's table: every entry of src/search/model.ts with its value, and
// nothing else, so the documentation cannot drift from the numbers the code uses.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MODEL } from "../../src/search/model.js";

function flatten(value: object, prefix = ""): [string, number][] {
  return Object.entries(value).flatMap(([k, v]) =>
    typeof v === "object"
      ? flatten(v as object, `${prefix}${k}.`)
      : [[`${prefix}${k}`, v as number] as [string, number]],
  );
}

/** Rows of the table under "## The table": | `key` | value | what it does | */
function documented(): Map<string, number> {
  const text = readFileSync(new URL("../../docs/search.md", import.meta.url), "utf8");
  const section = text.split(/^## The table$/mu)[1]?.split(/^## /mu)[0] ?? "";
  const rows = [...section.matchAll(/^\| `([\w.]+)` \| (-?[\d.]+) \|/gmu)];
  return new Map(rows.map((m) => [m[1]!, Number(m[2])]));
}

describe("docs/search.md and src/search/model.ts", () => {
  const table = documented();
  it.each(flatten(MODEL))("documents %s = %s", (key, value) => {
    expect(table.get(key), `docs/search.md has no row for ${key}`).toBe(value);
  });

  it("documents no entry the model does not have", () => {
    const keys = new Set(flatten(MODEL).map(([k]) => k));
    expect([...table.keys()].filter((k) => !keys.has(k))).toEqual([]);
  });
});
