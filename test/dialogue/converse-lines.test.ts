// `madoguchi converse --json` as the scorer uses it: JSON lines in, one reply line per input line, in
// order; turns of one user form one conversation; a bad line is answered in place and the run goes on.
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./engine-harness.js";
import { converseLines, parseConverseLine } from "../../src/channels/terminal/converse-lines.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

async function converse(lines: string[]): Promise<{ out: Record<string, unknown>[]; bad: number }> {
  const out: Record<string, unknown>[] = [];
  const bad = await converseLines(h.engine(), Readable.from([`${lines.join("\n")}\n`]), (l) =>
    out.push(JSON.parse(l) as Record<string, unknown>),
  );
  return { out, bad };
}

describe("converse --json", () => {
  it("answers each line in order; interleaved users keep their own conversations", async () => {
    const { out, bad } = await converse([
      JSON.stringify({ user: "u1", text: "予約乗合タクシー", municipality: "飯塚市" }),
      JSON.stringify({ user: "u2", text: "スポーツ合宿の補助", municipality: null }),
      JSON.stringify({ user: "u1", text: "運賃はいくら？", municipality: "飯塚市" }),
      JSON.stringify({ user: "u2", text: "上限は？", municipality: null }),
    ]);
    expect(bad).toBe(0);
    expect(out.map((o) => Object.keys(o).sort())).toEqual(Array(4).fill(["programs", "text", "user"]));
    expect(out.map((o) => o["user"])).toEqual(["u1", "u2", "u1", "u2"]);
    expect(out[2]!["text"]).toContain("運賃は300円");
    expect(out[2]!["programs"]).toEqual([
      { id: "iizuka-yoyaku-noriai-taxi", municipality: "飯塚市", name: "予約乗合タクシー運行事業" },
    ]);
    expect(String(out[3]!["text"]).replace(/,/g, "")).toContain("100000円");
  });

  it("answers a line that is not a turn with an error and goes on", async () => {
    const { out, bad } = await converse([
      "not json",
      JSON.stringify({ user: "u1", text: 3 }),
      JSON.stringify({ user: "u1", text: "陣痛タクシーの担当課", municipality: "飯塚市" }),
      JSON.stringify({ user: "u1", text: "こんにちは", municipality: "架空市" }),
    ]);
    expect(bad).toBe(3);
    expect(out).toHaveLength(4);
    expect(out[0]).toEqual({ error: "not JSON" });
    expect(out[1]).toEqual({ error: '"text" must be a string' });
    expect(out[2]!["text"]).toContain("こども家庭課");
    expect(out[3]).toMatchObject({ user: "u1", error: expect.stringContaining("架空市") });
  });

  it.each([
    ['{"user":"u","text":"x"}', { user: "u", text: "x", municipality: null }],
    ['{"user":"u","text":"x","municipality":"伊万里市"}', { user: "u", text: "x", municipality: "伊万里市" }],
    ['{"user":"","text":"x"}', { error: '"user" must be a non-empty string' }],
    ["[1]", { error: "not a JSON object" }],
    ['{"user":"u","text":"x","municipality":5}', { error: '"municipality" must be a string or null' }],
  ])("parses %s", (line, parsed) => {
    expect(parseConverseLine(line)).toEqual(parsed);
  });
});
