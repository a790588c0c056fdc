// Conversation tests as data: every test/fixtures/dialogue/*.yaml except the intent table is a list of
// conversations; each turn is a message (say) or a button pressed by its label (press), with what the
// reply must show. One runner plays them all against the real engine.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createHarness, TODAY, type Harness } from "./engine-harness.js";
import type { Reply } from "../../src/dialogue/reply/reply.js";
import { renderPlainText } from "../../src/dialogue/reply/render-plain-text.js";

interface Expect {
  intent?: string;
  /** The programs the reply shows, exactly, in order. */
  programs?: string[];
  programsInclude?: string[];
  /** The reply shows the program at this position (1-based) of the previous reply's programs. */
  previousItem?: number;
  listMin?: number;
  text?: string[];
  notText?: string[];
  suggestions?: string[];
  noMatch?: boolean;
  handoff?: boolean;
  /** Labels no suggestion of the reply may have. */
  notSuggestions?: string[];
}

interface TurnSpec {
  say?: string;
  press?: string;
  expect?: Expect;
}

interface Conversation {
  name: string;
  municipality: string | null;
  today?: string;
  /** A member of staff can take over on this channel (a staff desk is configured); default: nobody can. */
  staff?: boolean;
  turns: TurnSpec[];
}

const DIR = "test/fixtures/dialogue";
const files = readdirSync(DIR).filter((f) => f.endsWith(".yaml") && f !== "intent-held-out.yaml");

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness();
});

function check(r: Reply, e: Expect, previous: Reply | undefined, where: string): void {
  const text = renderPlainText(r);
  const ids = r.programs.map((p) => p.id);
  const context = `${where}\n--- reply ---\n${text}\nprograms: ${ids.join(", ")}`;
  if (e.intent) expect(r.intent, context).toBe(e.intent);
  if (e.programs) expect(ids, context).toEqual(e.programs);
  for (const id of e.programsInclude ?? []) expect(ids, context).toContain(id);
  if (e.previousItem !== undefined) {
    const wanted = previous?.programs[e.previousItem - 1]?.id;
    expect(wanted, `${context}\n(the previous reply has no item ${e.previousItem})`).toBeDefined();
    expect(ids, context).toEqual([wanted]);
  }
  if (e.listMin !== undefined) expect(r.list.length, context).toBeGreaterThanOrEqual(e.listMin);
  for (const t of e.text ?? []) expect(text, context).toContain(t);
  for (const t of e.notText ?? []) expect(text, context).not.toContain(t);
  for (const s of e.suggestions ?? [])
    expect(
      r.suggestions.map((x) => x.label),
      context,
    ).toContain(s);
  if (e.noMatch !== undefined) expect(r.noMatch, context).toBe(e.noMatch);
  if (e.handoff !== undefined) expect(r.handoff === true, context).toBe(e.handoff);
  for (const s of e.notSuggestions ?? [])
    expect(
      r.suggestions.map((x) => x.label),
      context,
    ).not.toContain(s);
}

for (const file of files) {
  const conversations = parse(readFileSync(join(DIR, file), "utf8")) as Conversation[];
  describe(file, () => {
    it.each(conversations.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
      const now = c.today ? new Date(`${c.today}T12:00:00+09:00`) : TODAY;
      const engine = harness.engine({ now: () => now, staffReachable: () => c.staff === true });
      let previous: Reply | undefined;
      for (const [i, turn] of c.turns.entries()) {
        const base = { user: "resident", channel: "test", municipality: c.municipality };
        let r: Reply;
        if (turn.press !== undefined) {
          const button = previous?.suggestions.find((s) => s.label === turn.press);
          expect(
            button,
            `turn ${i + 1}: no button 「${turn.press}」 in ${previous?.suggestions.map((s) => s.label).join(" / ")}`,
          ).toBeDefined();
          r = await engine.respond({ ...base, action: button!.action });
        } else {
          r = await engine.respond({ ...base, text: turn.say ?? "" });
        }
        check(r, turn.expect ?? {}, previous, `${file} / ${c.name} / turn ${i + 1}: ${turn.say ?? `[${turn.press}]`}`);
        previous = r;
      }
    });
  });
}
