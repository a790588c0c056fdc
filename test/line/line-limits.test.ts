// The limits validator must refuse what LINE refuses; otherwise the renderer tests and the fake prove nothing.
import { describe, expect, it } from "vitest";
import { validateLineMessages } from "../../src/channels/line/line-limits.js";

const text = (t: string) => ({ type: "text", text: t });
const postback = (label: string, data = "d") => ({ type: "postback", label, data });
const bubble = (extra: object = {}) => ({
  type: "bubble",
  body: { type: "box", layout: "vertical", contents: [{ type: "text", text: "出産祝金", wrap: true }] },
  footer: { type: "box", layout: "vertical", contents: [{ type: "button", action: postback("金額") }] },
  ...extra,
});
const flex = (contents: object, altText = "支援制度") => ({ type: "flex", altText, contents });
const carousel = (n: number) => flex({ type: "carousel", contents: Array.from({ length: n }, () => bubble()) });
const quick = (n: number, label = "子育て") => ({
  items: Array.from({ length: n }, () => ({ type: "action", action: { type: "message", label, text: label } })),
});

describe("validateLineMessages", () => {
  it.each([
    ["one short text", [text("こんにちは")]],
    ["five messages", Array.from({ length: 5 }, () => text("a"))],
    ["text of exactly 5,000 UTF-16 units", [text("あ".repeat(5000))]],
    ["carousel of 12 bubbles", [carousel(12)]],
    ["13 quick replies with 20-character labels", [{ ...text("次は?"), quickReply: quick(13, "あ".repeat(20)) }]],
    ["altText of 1,500 characters", [flex(bubble(), "あ".repeat(1500))]],
  ])("accepts %s", (_case, messages) => {
    expect(validateLineMessages(messages)).toEqual([]);
  });

  it.each([
    ["no message", [], "messages"],
    ["six messages", Array.from({ length: 6 }, () => text("a")), "messages"],
    ["empty text", [text("")], "messages[0].text"],
    ["text of 5,001 units (emoji count twice)", [text(`${"あ".repeat(4999)}😀`)], "messages[0].text"],
    ["altText of 1,501", [flex(bubble(), "あ".repeat(1501))], "messages[0].altText"],
    ["missing altText", [{ type: "flex", contents: bubble() }], "messages[0].altText"],
    ["carousel of 13 bubbles", [carousel(13)], "messages[0].contents.contents"],
    [
      "bubble over 30 KB",
      [
        flex(
          bubble({
            header: { type: "box", layout: "vertical", contents: [{ type: "text", text: "あ".repeat(10_500) }] },
          }),
        ),
      ],
      "messages[0].contents",
    ],
    [
      "carousel over 50 KB",
      [
        flex({
          type: "carousel",
          contents: Array.from({ length: 6 }, () =>
            bubble({
              header: { type: "box", layout: "vertical", contents: [{ type: "text", text: "あ".repeat(3_000) }] },
            }),
          ),
        }),
      ],
      "messages[0].contents",
    ],
    ["14 quick replies", [{ ...text("次は?"), quickReply: quick(14) }], "messages[0].quickReply.items"],
    [
      "quick reply label of 21 characters",
      [{ ...text("次は?"), quickReply: quick(1, "あ".repeat(21)) }],
      "messages[0].quickReply.items[0].action.label",
    ],
    [
      "button label of 21 characters",
      [
        flex(
          bubble({
            footer: {
              type: "box",
              layout: "vertical",
              contents: [{ type: "button", action: postback("あ".repeat(21)) }],
            },
          }),
        ),
      ],
      "messages[0].contents.footer.contents[0].action.label",
    ],
    [
      "postback data of 301 characters",
      [
        flex(
          bubble({
            footer: {
              type: "box",
              layout: "vertical",
              contents: [{ type: "button", action: postback("金額", "x".repeat(301)) }],
            },
          }),
        ),
      ],
      "messages[0].contents.footer.contents[0].action.data",
    ],
    [
      "empty Flex text component",
      [flex(bubble({ body: { type: "box", layout: "vertical", contents: [{ type: "text", text: "" }] } }))],
      "messages[0].contents.body.contents[0].text",
    ],
    ["flex without a bubble or carousel", [flex({ type: "box" })], "messages[0].contents"],
  ])("refuses %s", (_case, messages, path) => {
    const problems = validateLineMessages(messages);
    expect(problems.map((p) => p.path)).toContain(path);
  });
});
