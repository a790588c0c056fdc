// The intents directory is data: validated on load, with errors that name the file and the field.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DialogueDataError, loadDialogueData } from "../../src/dialogue/intents/load-dialogue-data.js";
import { INTENT_IDS } from "../../src/dialogue/intents/intent-schema.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "madoguchi-intents-"));
  await cp("intents", dir, { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function problems(): Promise<string[]> {
  try {
    await loadDialogueData(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(DialogueDataError);
    return (e as DialogueDataError).problems;
  }
  throw new Error("expected the data to be refused");
}

describe("loadDialogueData", () => {
  it("loads the bundled intents: every intent, the 制度診断 and the lexicon", async () => {
    const data = await loadDialogueData("intents");
    expect(data.intents.map((i) => i.id).sort()).toEqual([...INTENT_IDS].sort());
    expect(data.check.steps.map((s) => s.id)).toEqual(["who", "household", "plans"]);
    expect(data.fillers.references).toContain("それ");
    expect(data.askedUnits.find((a) => a.asks.includes("何時"))?.units).toContain("時");
  });

  it("names the file and field of a misspelt key", async () => {
    const file = join(dir, "amount.yaml");
    await writeFile(file, (await readFile(file, "utf8")).replace("examples:", "exampels:"));
    const found = await problems();
    expect(found.some((p) => p.includes("amount.yaml") && p.includes("examples"))).toBe(true);
  });

  it("refuses a missing intent", async () => {
    await rm(join(dir, "thanks.yaml"));
    expect(await problems()).toContain('intents: no file defines the intent "thanks"');
  });

  it("refuses an example under two intents", async () => {
    const file = join(dir, "thanks.yaml");
    await writeFile(
      file,
      (await readFile(file, "utf8")).replace("  - ありがとう\n", "  - ありがとう\n  - いくらもらえますか\n"),
    );
    expect(
      (await problems()).some((p) => p.includes("いくらもらえますか") && p.includes("amount") && p.includes("thanks")),
    ).toBe(true);
  });

  it("refuses a check option whose label is too long for a button", async () => {
    const file = join(dir, "check", "eligibility-check.yaml");
    await writeFile(
      file,
      (await readFile(file, "utf8")).replace(
        "label: 住宅の購入や改修",
        "label: 住宅の購入や改修やリフォームや建て替えや引っ越し",
      ),
    );
    expect((await problems()).some((p) => p.includes("eligibility-check.yaml") && p.includes("label"))).toBe(true);
  });

  it("refuses a number question without units", async () => {
    const file = join(dir, "lexicon", "asked-units.yaml");
    await writeFile(file, (await readFile(file, "utf8")).replace("  units: [時]\n", ""));
    expect((await problems()).some((p) => p.includes("asked-units.yaml") && p.includes("units"))).toBe(true);
  });

  it("reports broken YAML with the file name", async () => {
    await writeFile(join(dir, "help.yaml"), "id: help\ncues: [unclosed\n");
    expect((await problems()).some((p) => p.includes("help.yaml"))).toBe(true);
  });
});
