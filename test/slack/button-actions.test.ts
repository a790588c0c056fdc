// What LINE postbacks and Slack buttons carry back: every Action the engine puts on a button survives the
// round trip, and anything else (an old button, a hand-made payload) is refused rather than guessed at.
import { describe, expect, it } from "vitest";
import type { Action } from "../../src/dialogue/reply/reply.js";
import { decodeAction, encodeAction } from "../../src/channels/slack/action-value.js";
import { decodePostbackAction, encodePostbackAction } from "../../src/channels/line/postback-action.js";

const ACTIONS: Action[] = [
  { kind: "aspect", programId: "iizuka-jintsu-taxi", aspect: "contact" },
  { kind: "select", programId: "imari-funin-chiryo-angel-support" },
  { kind: "category", category: "子育て" },
  { kind: "text", text: "不妊治療の助成はありますか" },
  { kind: "back" },
  { kind: "reset" },
  { kind: "handoff" },
  { kind: "check", op: "start" },
  { kind: "check", op: "result" },
  { kind: "check", op: "answer", step: "household", option: "single-parent" },
  { kind: "check", op: "edit", step: "age" },
];

const REFUSED: [string, string][] = [
  ["not JSON", "{kind:aspect"],
  ["an unknown kind", '{"kind":"nonsense"}'],
  ["an unknown aspect", '{"kind":"aspect","programId":"p","aspect":"salary"}'],
  ["an extra field", '{"kind":"back","programId":"p"}'],
  ["an empty program id", '{"kind":"select","programId":""}'],
  ["blank text", '{"kind":"text","text":"   "}'],
  ["an answer without its option", '{"kind":"check","op":"answer","step":"age"}'],
  ["an unknown check step", '{"kind":"check","op":"skip"}'],
  ["an array", "[]"],
];

describe.each([
  ["a Slack button value", encodeAction, decodeAction],
  ["a LINE postback", encodePostbackAction, decodePostbackAction],
] as const)("%s", (_, encode, decode) => {
  it.each(ACTIONS.map((a) => [JSON.stringify(a), a] as const))("carries %s back unchanged", (_json, action) => {
    expect(decode(encode(action)!)).toEqual(action);
  });

  it.each(REFUSED)("refuses %s", (_what, data) => {
    expect(decode(data)).toBeUndefined();
  });
});
