// Person text in mrkdwn: nothing a resident or staff member types may become a mention, ping or link,
// and nothing of what they wrote may be lost.
import { describe, expect, it } from "vitest";
import { clip, escapeMrkdwn, personMrkdwn, personPlainText } from "../../src/channels/slack/mrkdwn.js";
import { INJECTION_STRINGS, asSlackShowsIt, mentionsAndLinks } from "./injection.js";

describe("personMrkdwn", () => {
  it("has at least 30 injection strings to try", () => {
    expect(INJECTION_STRINGS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(INJECTION_STRINGS)("%j becomes no mention or link, even where Slack auto-links", (input) => {
    // Each string is an injection as typed, or an entity trick that relies on "&" not being escaped.
    const isAttack = mentionsAndLinks({ type: "mrkdwn", text: input }).length > 0 || input.includes("&");
    expect(isAttack, "the string is not an injection attempt").toBe(true);
    const safe = personMrkdwn(input);
    expect(mentionsAndLinks({ type: "mrkdwn", text: safe })).toEqual([]);
  });

  it.each(INJECTION_STRINGS)("%j reads the same to staff (only control characters dropped)", (input) => {
    const expected = input.replace(/[\u202a-\u202e]/g, "");
    expect(asSlackShowsIt(personMrkdwn(input))).toBe(expected);
  });

  it("leaves ordinary Japanese questions as they are", () => {
    for (const q of [
      "児童手当はいつ振り込まれますか",
      "子どもの医療費　助成",
      "ﾆﾝｶﾂ 補助金",
      "3人目の出産祝い金は10万円？",
    ]) {
      expect(personMrkdwn(q)).toBe(q);
    }
  });
});

describe("escapeMrkdwn", () => {
  it("escapes exactly &, < and >, ampersand first", () => {
    expect(escapeMrkdwn("a & b < c > d &lt;")).toBe("a &amp; b &lt; c &gt; d &amp;lt;");
  });
});

describe("personPlainText", () => {
  it("keeps the text (plain_text is never parsed) but drops bidi overrides and control characters", () => {
    expect(personPlainText("<!channel>\u202e\u0007 改行\nあり")).toBe("<!channel> 改行\nあり");
  });
});

describe("clip", () => {
  it("leaves short text alone and shortens long text to the limit with an ellipsis", () => {
    expect(clip("短い", 10)).toBe("短い");
    const long = "あ".repeat(3100);
    expect(clip(long, 3000)).toHaveLength(3000);
    expect(clip(long, 3000).endsWith("…")).toBe(true);
  });

  it("never cuts a surrogate pair or an entity in half", () => {
    expect(clip("ab😀cd", 4)).toBe("ab…");
    expect(clip("abc&amp;def", 6)).toBe("abc…");
  });
});
