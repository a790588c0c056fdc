// The App Home, the synonym form and the handoff thread messages: within Block Kit's limits at their
// largest, and residents' words in them never a mention or link.
import { describe, expect, it } from "vitest";
import { homeView, MAX_UNANSWERED } from "../../src/channels/slack/home/home-view.js";
import { synonymModal, splitWords } from "../../src/channels/slack/home/synonym-modal.js";
import {
  handoffClosedMessage,
  handoffOpenedMessage,
  residentMessage,
} from "../../src/channels/slack/handoff/handoff-blocks.js";
import { blockKitProblems, viewProblems } from "../../src/channels/slack/block-limits.js";
import type { UnansweredQuestion, WeekSummary } from "../../src/channels/slack/home/staff-insights.js";
import type { HandoffTicket } from "../../src/dialogue/handoff/handoff.js";
import { INJECTION_STRINGS, mentionsAndLinks, textObjects } from "./injection.js";

const NOW = Date.parse("2025-06-02T01:15:00Z");
const summary: WeekSummary = {
  since: NOW - 7 * 86_400_000,
  questions: 1234,
  noMatch: 56,
  byChannel: [
    { channel: "line", questions: 1000 },
    { channel: "slack", questions: 200 },
    { channel: "web", questions: 34 },
  ],
  topPrograms: Array.from({ length: 12 }, (_, i) => ({
    id: `p${i}`,
    name: `制度${i}`.repeat(30),
    municipality: "伊万里市",
    count: 100 - i,
  })),
};
const question = (text: string, i: number): UnansweredQuestion => ({
  id: `t${i}`,
  at: NOW - i * 60_000,
  channel: i % 2 ? "line" : "web",
  text,
  terms: [text.slice(0, 30), "補助"],
});

/** `allowed`: mentions the bot writes on purpose (the staff member who closed a handoff). */
function noInjection(value: unknown, allowed: string[] = []): void {
  for (const { path, obj } of textObjects(value)) {
    const text = allowed.reduce((t, a) => t.replaceAll(a, ""), obj.text);
    expect(mentionsAndLinks({ ...obj, text }), `${path}: ${obj.text}`).toEqual([]);
  }
}

describe("App Home", () => {
  it("stays within a Home tab's limits with long questions, and shows at most 15", () => {
    const questions = Array.from({ length: 40 }, (_, i) =>
      question(`${"宇宙旅行の補助金について".repeat(400)}${i}`, i),
    );
    const view = homeView(summary, questions, NOW, "お知らせ".repeat(1000));
    expect(viewProblems(view)).toEqual([]);
    expect(view.blocks.filter((b) => b.block_id?.startsWith("q:"))).toHaveLength(MAX_UNANSWERED);
    expect(JSON.stringify(view)).toContain("4.5%（56件）");
  });

  it("shows residents' injection attempts as text", () => {
    const view = homeView(summary, INJECTION_STRINGS.slice(0, 15).map(question), NOW);
    expect(viewProblems(view)).toEqual([]);
    noInjection(view.blocks);
    const more = homeView(summary, INJECTION_STRINGS.slice(15).map(question), NOW);
    noInjection(more.blocks);
  });

  it("says so when nothing was asked", () => {
    const view = homeView(
      { since: NOW - 7 * 86_400_000, questions: 0, noMatch: 0, byChannel: [], topPrograms: [] },
      [],
      NOW,
    );
    expect(viewProblems(view)).toEqual([]);
    expect(JSON.stringify(view)).toContain("答えられなかった質問はありません。");
  });
});

describe("synonym form", () => {
  it("is a valid modal, prefilled with the terms", () => {
    const modal = synonymModal(question("にんかつの補助ある？ <!channel>", 1));
    expect(viewProblems(modal)).toEqual([]);
    expect(JSON.stringify(modal)).toContain('"initial_value":"にんかつの補助ある？ <!channel>、補助"');
  });

  it("splits words on Japanese and ASCII commas", () => {
    expect(splitWords("にんかつ、妊活, ﾆﾝｶﾂ，\n妊活")).toEqual(["にんかつ", "妊活", "ﾆﾝｶﾂ"]);
  });
});

describe("handoff thread", () => {
  const ticket: HandoffTicket = {
    id: "6f1c2d9e-0000-4000-8000-000000000000",
    resident: { channel: "line", userId: "U1", municipality: "伊万里市" },
    state: "open",
    openedAt: NOW,
    lastActivityAt: NOW,
  };

  it.each(INJECTION_STRINGS)("carries %j as text, within the limits", (attack) => {
    for (const message of [
      handoffOpenedMessage(ticket, attack.repeat(200), NOW),
      residentMessage(attack),
      handoffClosedMessage({ ...ticket, state: "closed", closedReason: "staff", closedBy: "U024BE7LH" }, attack, NOW),
    ]) {
      expect(blockKitProblems(message)).toEqual([]);
      noInjection(message.blocks, ["<@U024BE7LH>"]);
    }
  });
});
