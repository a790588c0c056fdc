// A program fact confirmed by staff, shown beside the document's with its own source line everywhere a
// program is shown: the JSON API (and so the page), a chat answer, the plain-text (CLI) rendering, LINE
// and Slack; an old confirmation says so; and the fidelity check still refuses a number in a program
// that its document does not state, whatever staff confirmed.
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, fixture } from "../knowledge/support/cli.js";
import { copyKnowledge, type KnowledgeCopy } from "../server/support/knowledge-copy.js";
import { startTestServer, type TestServer } from "../server/support/test-server.js";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.js";
import { checkFidelity } from "../../src/knowledge/fidelity/check-fidelity.js";
import { formatProblem } from "../../src/knowledge/problems.js";
import { programCard } from "../../src/dialogue/answer/program-facts.js";
import { renderPlainText } from "../../src/dialogue/reply/render-plain-text.js";
import { programSection } from "../../src/channels/slack/render/program-section.js";
import { programCardBubble } from "../../src/channels/line/flex-program-card.js";
import type { Reply } from "../../src/dialogue/reply/reply.js";

const PROGRAM = "imari-funin-chiryo-angel-support";
const AMOUNT_LINE = "金額: 1回5万円まで（健康づくり課 山田 確認 2026-11-20）";
let copy: KnowledgeCopy;
let t: TestServer;

async function addFact(dir: string, field: string, value: string, date: string): Promise<void> {
  const added = await runCli([
    "staff",
    "add-fact",
    PROGRAM,
    "--field",
    field,
    "--value",
    value,
    "--by",
    "山田",
    "--department",
    "健康づくり課",
    "--date",
    date,
    "--knowledge",
    dir,
  ]);
  const id = added.stdout.trim().split("\n").at(-1)!;
  const approved = await runCli(["staff", "approve", id, "--by", "佐藤", "--knowledge", dir]);
  expect(approved.code, approved.stderr).toBe(0);
}

beforeAll(async () => {
  copy = await copyKnowledge();
  await addFact(copy.dir, "amount", "1回5万円まで", "2026-11-20");
  await addFact(copy.dir, "status", "実施中", "2024-04-01");
  t = await startTestServer({ MADOGUCHI_KNOWLEDGE: copy.dir });
});
afterAll(async () => {
  await t?.close();
  await copy?.remove();
});

describe("staff-confirmed program facts", () => {
  it("are in the JSON API's program detail beside the document's amount, an old one marked", async () => {
    const { body } = await t.getJson<{
      benefits: { amounts: { text: string }[] }[];
      staffFacts: { text: string; old: boolean }[];
    }>(`/api/programs/${PROGRAM}`);
    expect(body.benefits[0]!.amounts[0]!.text).toContain("10万円");
    expect(body.staffFacts.map((f) => f.text)).toEqual([
      AMOUNT_LINE,
      "実施状況: 実施中（健康づくり課 山田 確認 2024-04-01） ※確認から1年以上たっています",
    ]);
  });

  it("answer an amount question in a chat with their own source, after the document's", async () => {
    const session = "staff-fact-session";
    await t.postJson("/api/chat", { session, text: "不妊治療の助成ある？" });
    const { body } = await t.postJson<{ reply: Reply }>("/api/chat", { session, text: "いくらまで？" });
    const shown = renderPlainText(body.reply);
    expect(shown).toContain("10万円");
    expect(shown).toContain(`職員が確認した${AMOUNT_LINE}`);
    expect(shown.indexOf("10万円")).toBeLessThan(shown.indexOf(AMOUNT_LINE));
  });

  it("are on the card as LINE, Slack and the command line show it", async () => {
    const kb = await loadKnowledgeOrThrow(copy.dir);
    const card = programCard(kb, kb.program(PROGRAM)!, new Date("2026-12-01T00:00:00Z"));
    expect(
      renderPlainText({
        text: "",
        cards: [card],
        list: [],
        suggestions: [],
        programs: [],
        intent: "detail",
        noMatch: false,
      } as unknown as Reply),
    ).toContain(`・${AMOUNT_LINE}`);
    expect(JSON.stringify(programCardBubble(card))).toContain(`職員確認 ${AMOUNT_LINE}`);
    const fields = programSection(card).fields!.map((f) => f.text);
    expect(fields).toContain("*金額（職員確認）*\n1回5万円まで（健康づくり課 山田 確認 2026-11-20）");
    expect(fields.some((f) => f.includes("実施状況（職員確認）") && f.includes("確認から1年以上たっています"))).toBe(
      true,
    );
  });

  it("age by knowledge/staff/settings.yaml's factMaxAgeMonths, which check validates", async () => {
    await writeFile(join(copy.dir, "staff/settings.yaml"), "factMaxAgeMonths: 6\n");
    const kb = await loadKnowledgeOrThrow(copy.dir);
    const card = programCard(kb, kb.program(PROGRAM)!, new Date("2027-06-01T00:00:00Z"));
    expect(card.staffFacts.map((f) => f.text)).toContain(
      "金額: 1回5万円まで（健康づくり課 山田 確認 2026-11-20） ※確認から6か月以上たっています",
    );
    await writeFile(join(copy.dir, "staff/settings.yaml"), "factMaxAgeMonths: zero\n");
    const check = await runCli(["check", "--knowledge", copy.dir]);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/staff\/settings\.yaml: factMaxAgeMonths: must be a number/);
    await rm(join(copy.dir, "staff/settings.yaml"));
  });

  it("do not let the fidelity check accept a number the program's document does not state", async () => {
    const root = await mkdtemp(join(tmpdir(), "madoguchi-invented-"));
    const dir = join(root, "invented-number");
    try {
      // the fixture cites ../valid/sources: copy both, side by side
      await cp(fixture("invented-number"), dir, { recursive: true });
      await cp(fixture("valid"), join(root, "valid"), { recursive: true });
      const before = (await checkFidelity(await loadKnowledgeOrThrow(dir))).map(formatProblem);
      await addFact(dir, "amount", "年間20万円を上限", "2026-11-20");
      const after = (await checkFidelity(await loadKnowledgeOrThrow(dir))).map(formatProblem);
      expect(after).toContainEqual(
        expect.stringMatching(/benefits\.0\.amounts\.0\.text: "20万円" does not occur in the source document/),
      );
      expect(after).toEqual(before);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
