// The greeting's, the help's and the rich menu's examples come from each deployment's own programs: every
// example, asked of that deployment, finds something there.
import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./engine-harness.js";
import { renderPlainText } from "../../src/dialogue/reply/render-plain-text.js";
import { LIFE_EVENT_TOPICS, lifeEventsFor } from "../../src/channels/line/life-events.js";
import { greetingMessages, mediaMessages } from "../../src/channels/line/fixed-replies.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

const scopes = ["伊万里市", "飯塚市", null] as const;

async function ask(municipality: string | null, text: string) {
  return h.engine().respond({ user: "u", channel: "test", municipality, text });
}

describe.each(scopes)("examples for %s", (municipality) => {
  it("offers a program, a topic and a category to browse, each finding something there", async () => {
    const examples = h.engine().exampleQuestions(municipality);
    expect(examples.program).toBeDefined();
    expect(examples.topic).toBeDefined();
    expect(examples.browse).toBeDefined();
    const program = await ask(municipality, examples.program!);
    expect(program.noMatch, examples.program).toBe(false);
    expect(program.programs.length, examples.program).toBeGreaterThan(0);
    if (municipality) expect(program.programs.every((p) => p.municipality === municipality)).toBe(true);
    const topic = await ask(municipality, examples.topic!);
    expect(topic.noMatch, examples.topic).toBe(false);
    expect(topic.programs.length, examples.topic).toBeGreaterThan(0);
    const browse = await ask(municipality, examples.browse!);
    expect(browse.intent, examples.browse).toBe("browse");
    expect(browse.list.length, examples.browse).toBeGreaterThan(0);
  });

  it("puts them in the greeting and the help", async () => {
    const examples = h.engine().exampleQuestions(municipality);
    const greeting = renderPlainText(await ask(municipality, "こんにちは"));
    expect(greeting).toContain(`「${examples.program}」`);
    const help = renderPlainText(await ask(municipality, "何ができる？"));
    expect(help).toContain(`「${examples.topic}」`);
    expect(help).toContain(`「${examples.browse}」`);
  });

  it("puts one in LINE's follow greeting and its answer to a sticker", () => {
    const examples = h.engine().exampleQuestions(municipality);
    const example = examples.topic ?? examples.program;
    expect(JSON.stringify(greetingMessages(municipality ?? undefined, examples))).toContain(`「${example}」`);
    expect(JSON.stringify(mediaMessages("sticker", examples))).toContain(`「${example}」`);
  });

  it("LINE's rich menu and quick replies offer only topics with programs there", async () => {
    const categories = h.engine().exampleQuestions(municipality).categories;
    const events = lifeEventsFor((c) => categories.includes(c));
    expect(events).toHaveLength(6);
    for (const event of events.filter((e) => e.action.kind === "category")) {
      const r = await h.engine().respond({ user: "u", channel: "test", municipality, action: event.action });
      expect(r.list.length, event.label).toBeGreaterThan(0);
      expect(r.noMatch, event.label).toBe(false);
    }
    const quick = JSON.stringify(
      greetingMessages(municipality ?? undefined, h.engine().exampleQuestions(municipality)),
    );
    for (const topic of LIFE_EVENT_TOPICS.filter((e) => !events.includes(e)))
      expect(quick).not.toContain(`"label":"${topic.label}"`);
  });
});
