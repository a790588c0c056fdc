// A resident on LINE withdraws a message (unsend): its question leaves the Slack App Home's list of
// unanswered questions and the conversation's recent questions, so it never reaches staff. The real server
// with both channels, the fake LINE platform and the fake Slack API.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { FakeLinePlatform } from "../fakes/line-platform.js";
import { lineUserId, type LineEvents } from "../line/line-events.js";
import { startLineAndSlack, type LineAndSlack } from "./line-and-slack.js";
import { HANDOFF_MESSAGES } from "../../src/dialogue/handoff/handoff-messages.js";
import { HANDOFF_CHANNEL, type SlackTestServer } from "./slack-test-server.js";

const LINE_SECRET = "unsend-line-channel-secret-0123456789";
const LINE_TOKEN = "unsend-line-access-token";
const WITHDRAWN = "粗大ごみの出し方を教えて";
const KEPT = "ペットの去勢手術の補助はありますか";

let t: SlackTestServer;
let line: FakeLinePlatform;
let events: LineEvents;
let both: LineAndSlack;

beforeAll(async () => {
  both = await startLineAndSlack(LINE_SECRET, LINE_TOKEN);
  ({ t, line, events } = both);
});

afterAll(async () => {
  await both.close();
});

const fromResident = (events_: object[]) => both.fromResident(events_);

async function appHome(): Promise<string> {
  const count = t.slack.callsTo("views.publish").length;
  await t.event({
    type: "app_home_opened",
    user: "UHOME0002",
    channel: "DHOME",
    tab: "home",
    event_ts: String(Date.now() / 1000),
  });
  return JSON.stringify((await t.slack.waitFor("views.publish", count + 1))[count]!.args["view"]);
}

it("an unsent question leaves the App Home's unanswered list and is not handed to staff", async () => {
  const resident = lineUserId();
  const withdrawn = events.text(resident, WITHDRAWN);
  await fromResident([withdrawn]);
  await fromResident([events.text(resident, KEPT)]);
  const before = await appHome();
  expect(before, "precondition: both questions are unanswered").toContain(WITHDRAWN);
  expect(before).toContain(KEPT);

  await fromResident([events.unsend(resident, withdrawn.message.id)]);
  const after = await appHome();
  expect(after).not.toContain(WITHDRAWN);
  expect(after).toContain(KEPT);

  const posts = t.slack.callsTo("chat.postMessage").length;
  await fromResident([events.text(resident, "職員と話したい")]);
  expect(line.replies.at(-1)!.messages).toEqual([{ type: "text", text: HANDOFF_MESSAGES.opened }]);
  const opener = (await t.slack.waitFor("chat.postMessage", posts + 1))
    .slice(posts)
    .find((c) => c.args["channel"] === HANDOFF_CHANNEL)!;
  expect(JSON.stringify(opener.args["blocks"])).toContain(KEPT);
  expect(JSON.stringify(opener.args["blocks"])).not.toContain(WITHDRAWN);
});

it("an unsend of a message nobody kept changes nothing", async () => {
  const resident = lineUserId();
  const asked = "庭木の剪定を頼みたい";
  await fromResident([events.text(resident, asked)]);
  await fromResident([events.unsend(resident, "999999999999")]);
  await fromResident([events.unsend(lineUserId(), "123")]);
  expect(await appHome()).toContain(asked);
});
