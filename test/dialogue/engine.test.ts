// The engine's contracts beyond single conversations: sessions per user and channel, idle expiry, the
// knowledge getter read per turn (live reload), the turn observer with masked text, bad input.
import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, TODAY, type Harness } from "./engine-harness.js";
import { InMemorySessionStore } from "../../src/dialogue/session/in-memory-session-store.js";
import { UnknownMunicipalityError, MAX_MESSAGE_CHARS } from "../../src/dialogue/engine/conversation-engine.js";
import type { TurnRecord } from "../../src/dialogue/engine/turn-record.js";
import { KnowledgeBase } from "../../src/knowledge/knowledge-base.js";
import { SUGGESTION_LABEL_MAX } from "../../src/dialogue/reply/reply.js";
import { indexKnowledge } from "../../src/search/open-search.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

const said = (user: string, text: string, municipality: string | null = "飯塚市", channel = "test") => ({
  user,
  channel,
  municipality,
  text,
});

describe("ConversationEngine", () => {
  it("keeps one conversation per user and channel", async () => {
    const engine = h.engine();
    await engine.respond(said("a", "陣痛タクシー"));
    await engine.respond(said("b", "エリアワゴン"));
    await engine.respond(said("a", "予約乗合タクシー", "飯塚市", "line"));
    expect((await engine.respond(said("a", "担当は？"))).programs.map((p) => p.id)).toEqual(["iizuka-jintsu-taxi"]);
    expect((await engine.respond(said("b", "担当は？"))).programs.map((p) => p.id)).toEqual(["iizuka-area-wagon"]);
    expect((await engine.respond(said("a", "担当は？", "飯塚市", "line"))).programs.map((p) => p.id)).toEqual([
      "iizuka-yoyaku-noriai-taxi",
    ]);
  });

  it("forgets the focus after 30 idle minutes", async () => {
    let now = TODAY.getTime();
    const sessions = new InMemorySessionStore({ now: () => now });
    const engine = h.engine({ sessions, now: () => new Date(now) });
    await engine.respond(said("a", "陣痛タクシー"));
    now += 29 * 60_000;
    expect((await engine.respond(said("a", "担当は？"))).programs).toHaveLength(1);
    now += 31 * 60_000;
    const r = await engine.respond(said("a", "担当は？"));
    expect(r.programs).toEqual([]);
    expect(r.text).toContain("どの制度");
  });

  it("reads the knowledge through the getter on every turn, so a reload takes effect at once", async () => {
    const trimmed = new KnowledgeBase({
      dir: h.knowledge.dir,
      municipalities: [...h.knowledge.municipalities],
      programs: h.knowledge.programs.filter((p) => p.id !== "iizuka-jintsu-taxi"),
      faqs: [],
      version: "trimmed",
      loadedAt: TODAY,
    });
    let snapshot: { knowledge: KnowledgeBase; index: Harness["index"] } = { knowledge: h.knowledge, index: h.index };
    const engine = h.engine({ snapshot: () => snapshot });
    await engine.respond(said("a", "陣痛タクシー"));
    snapshot = { knowledge: trimmed, index: h.index };
    const r = await engine.respond(said("a", "担当は？"));
    expect(r.programs.map((p) => p.id)).not.toContain("iizuka-jintsu-taxi");
  });

  it("reports each turn with personal data masked", async () => {
    const records: TurnRecord[] = [];
    const engine = h.engine({ onTurn: (r) => records.push(r) });
    await engine.respond(said("a", "090-1234-5678に電話して。陣痛タクシーの担当課は？"));
    expect(records).toHaveLength(1);
    const [rec] = records;
    expect(rec!.text).not.toContain("090-1234-5678");
    expect(rec!.text).toContain("陣痛タクシー");
    expect(rec).toMatchObject({
      channel: "test",
      user: "a",
      intent: "contact",
      noMatch: false,
      programIds: ["iizuka-jintsu-taxi"],
      time: TODAY.toISOString(),
    });
  });

  it("answers even when the turn observer fails", async () => {
    const engine = h.engine({
      onTurn: () => {
        throw new Error("statistics are down");
      },
    });
    expect((await engine.respond(said("a", "陣痛タクシーの担当課"))).text).toContain("こども家庭課");
  });

  it("refuses a deployment scope that is not in the knowledge", async () => {
    await expect(h.engine().respond(said("a", "こんにちは", "架空市"))).rejects.toBeInstanceOf(
      UnknownMunicipalityError,
    );
  });

  it("accepts a short or romanised scope and answers for the full name", async () => {
    const r = await h.engine().respond(said("a", "こんにちは", "iizuka"));
    expect(r.text).toContain("飯塚市");
  });

  it("answers empty and very long messages without failing", async () => {
    const engine = h.engine();
    expect((await engine.respond(said("a", "   "))).intent).toBe("help");
    const long = `${"あ".repeat(MAX_MESSAGE_CHARS * 5)}陣痛タクシー`;
    const r = await engine.respond(said("a", long));
    expect(typeof r.text).toBe("string");
  });

  it("an action for a program that a reload removed says so", async () => {
    const r = await h.engine().respond({
      user: "a",
      channel: "test",
      municipality: null,
      action: { kind: "aspect", programId: "no-such-program", aspect: "amount" },
    });
    expect(r.noMatch).toBe(true);
    expect(r.text).toContain("見つからなく");
  });

  it("keeps every suggestion label within 20 characters", async () => {
    const engine = h.engine();
    const texts = [
      "制度診断",
      "個人",
      "粗大ごみ",
      "子育ての制度を一覧で",
      "筑豊地域外からの移住者住宅取得奨励事業",
      "コミュニティバス",
      "こんにちは",
    ];
    for (const text of texts) {
      const r = await engine.respond(said("a", text, null));
      for (const s of r.suggestions)
        expect([...s.label].length, `${text}: ${s.label}`).toBeLessThanOrEqual(SUGGESTION_LABEL_MAX);
    }
  });

  it("answers from an FAQ entry when one fits better than any program", async () => {
    const faq = {
      id: "imari-sodai-gomi",
      municipality: "伊万里市",
      question: "粗大ごみの出し方を知りたい",
      answer: "粗大ごみは事前申込制です。",
      department: "環境課",
    };
    const knowledge = new KnowledgeBase({
      dir: h.knowledge.dir,
      municipalities: [...h.knowledge.municipalities],
      programs: [...h.knowledge.programs],
      faqs: [faq],
      version: "faq",
      loadedAt: TODAY,
    });
    const index = await indexKnowledge(knowledge, h.tokenizer);
    const r = await h
      .engine({ snapshot: () => ({ knowledge, index }) })
      .respond(said("a", "粗大ごみの出し方", "伊万里市"));
    expect(r.text).toContain("粗大ごみは事前申込制です。");
    expect(r.text).toContain("環境課");
    expect(r.programs).toEqual([]);
  });

  it("a city's own account does not answer about another city", async () => {
    const r = await h.engine().respond(said("a", "伊万里市の婚活の支援", "飯塚市"));
    expect(r.noMatch).toBe(true);
    expect(r.programs).toEqual([]);
    expect(r.text).toContain("伊万里市役所");
  });
});
