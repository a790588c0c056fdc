// Rendering the engine's replies as Block Kit: every program in the knowledge base fits Block Kit's limits
// with the five fields staff need, long replies are cut to fit, and person text never becomes a mention.
import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.js";
import type { KnowledgeBase } from "../../src/knowledge/knowledge-base.js";
import { programCard } from "../../src/dialogue/answer/program-facts.js";
import { reply, suggestion, type ProgramCard, type Reply } from "../../src/dialogue/reply/reply.js";
import { answerMessage, MAX_PROGRAMS } from "../../src/channels/slack/render/answer-message.js";
import { blockKitProblems } from "../../src/channels/slack/block-limits.js";
import { INJECTION_STRINGS, mentionsAndLinks, mentionsAndLinksInText, textObjects } from "./injection.js";

let kb: KnowledgeBase;
let cards: ProgramCard[];
const NOW = new Date("2025-06-01T00:00:00+09:00");

beforeAll(async () => {
  kb = await loadKnowledgeOrThrow("knowledge");
  cards = kb.programs.map((p) => programCard(kb, p, NOW));
});

const found = (shown: ProgramCard[], text = `${shown.length}件見つかりました。`): Reply =>
  reply("find", text, {
    cards: shown,
    programs: shown.map(({ id, municipality, name }) => ({ id, municipality, name })),
  });

const fieldTexts = (msg: ReturnType<typeof answerMessage>) =>
  textObjects(msg.blocks)
    .map((t) => t.obj.text)
    .join("\n");

describe("answerMessage", () => {
  it("renders every program in the knowledge base within Block Kit's limits, with the five fields", () => {
    expect(cards.length).toBeGreaterThan(50);
    for (const card of cards) {
      const msg = answerMessage(found([card]), {
        lookup: { q: card.name },
        municipalities: kb.municipalities.map((m) => m.name),
        shareable: true,
      });
      expect(blockKitProblems(msg), card.id).toEqual([]);
      const section = msg.blocks.find((b) => b.type === "section" && b.block_id === `program:${card.id}`);
      expect(section, card.id).toBeDefined();
      const labels = (section as { fields: { text: string }[] }).fields.map((f) => f.text.split("\n")[0]);
      expect(labels).toEqual(["*対象*", "*金額*", "*担当課*", "*期間*", "*出典と時点*"]);
      expect(fieldTexts(msg)).toContain(card.sourceDate);
    }
  });

  it("says the source does not state an amount and names the department, instead of leaving a gap", () => {
    const card = cards.find((c) => c.amountText === null && !c.nameOnly)!;
    const text = fieldTexts(answerMessage(found([card])));
    expect(text).toContain(`出典に記載なし（${card.department}へお問い合わせください）`);
  });

  it("marks a program whose period has ended", () => {
    const ended = cards.find((c) => c.periodEnded);
    if (!ended) return expect.fail("the knowledge should have a program whose period ended before 2025-06");
    const text = fieldTexts(answerMessage(found([ended])));
    expect(text).toContain("（期間終了）");
    expect(text).toContain(":warning:");
  });

  it("says the status the source states (外国人材雇用支援事業: 予算ゼロ, then 見直し)", () => {
    const text = fieldTexts(answerMessage(found([cards.find((c) => c.id === "iizuka-gaikoku-jinzai-koyo-shien")!])));
    expect(text).toContain("状況: 見直し中");
    expect(text).toContain("令和4年度は予算ゼロ");
  });

  it("shows at most ten programs and says how many more there are, within 50 blocks", () => {
    const msg = answerMessage(found(cards), {
      lookup: { q: "補助金" },
      municipalities: ["伊万里市", "飯塚市"],
      shareable: true,
    });
    expect(blockKitProblems(msg)).toEqual([]);
    expect(msg.blocks.filter((b) => b.block_id?.startsWith("program:"))).toHaveLength(MAX_PROGRAMS);
    expect(fieldTexts(msg)).toContain(`ほか ${cards.length - MAX_PROGRAMS} 件あります`);
  });

  it("offers the municipality filter with the current choice, and the share button only when asked", () => {
    const msg = answerMessage(found(cards.slice(0, 2)), {
      lookup: { q: "児童手当", m: "飯塚市" },
      municipalities: ["伊万里市", "飯塚市"],
      shareable: true,
    });
    const controls = msg.blocks.at(-1) as {
      block_id: string;
      elements: { type: string; initial_option?: { value: string }; value?: string }[];
    };
    expect(controls.block_id).toBe(`lookup:${JSON.stringify({ q: "児童手当" })}`);
    expect(controls.elements[0]!.initial_option!.value).toBe("飯塚市");
    expect(JSON.parse(controls.elements[1]!.value!)).toEqual({ q: "児童手当", m: "飯塚市" });
    const shared = answerMessage(found(cards.slice(0, 2)), {
      lookup: { q: "児童手当" },
      municipalities: ["伊万里市"],
      sharedBy: "U024BE7LH",
    });
    expect(JSON.stringify(shared.blocks)).not.toContain("share_answer");
    expect(JSON.stringify(shared.blocks)).toContain("<@U024BE7LH> さんが共有しました");
  });

  it("turns suggestions into buttons carrying the engine action, leaving out the handoff (staff are the people)", () => {
    const r = reply("find", "分野から探せます", {
      suggestions: [
        suggestion("子育て", { kind: "category", category: "子育て" }),
        suggestion("職員と話す", { kind: "handoff" }),
      ],
    });
    const actions = answerMessage(r).blocks.find((b) => b.block_id === "suggestions") as {
      elements: { value: string }[];
    };
    expect(actions.elements.map((e) => JSON.parse(e.value))).toEqual([{ kind: "category", category: "子育て" }]);
  });

  it("fits a 10,000-character engine text", () => {
    const msg = answerMessage(reply("detail", "あ".repeat(10_000)), {
      lookup: { q: "い".repeat(600) },
      municipalities: ["伊万里市", "飯塚市"],
      shareable: true,
    });
    expect(blockKitProblems(msg)).toEqual([]);
  });

  it.each(INJECTION_STRINGS)(
    "never turns %j into a mention or link, as the query or quoted by the engine",
    (attack) => {
      const r = reply("find", `「${attack}」に当てはまる制度は見つかりませんでした。`, {
        noMatch: true,
        list: [{ n: 1, label: attack, detail: attack }],
        suggestions: [suggestion(attack, { kind: "text", text: attack })],
      });
      const msg = answerMessage(r, {
        lookup: { q: attack, m: "伊万里市" },
        municipalities: ["伊万里市", "飯塚市"],
        shareable: true,
      });
      expect(blockKitProblems(msg)).toEqual([]);
      for (const { path, obj } of textObjects(msg.blocks)) expect(mentionsAndLinks(obj), path).toEqual([]);
      expect(mentionsAndLinksInText(msg.text)).toEqual([]);
    },
  );
});
