// Forged, unsigned and stale requests: LINE (no signature, another channel's secret, a signature of
// different bytes, a truncated one, garbage) and Slack (the same, plus 301 s old and 301 s ahead).
// Each must get 401 with a fixed body that echoes nothing it was sent, and no resident or staff member
// may receive anything because of it.
import { createHmac } from "node:crypto";
import { postLine, signedHeaders, textEvent, webhookBody, lineUserId } from "../line-webhooks.js";
import { appMentionBody, slackHeaders } from "../../../test/fakes/slack-requests.js";
import { sleep, type ScenarioContext } from "./context.js";
import { postsInThread } from "../slack-answers.js";

const OTHER_SECRET = "0123456789abcdef0123456789abcdef";
const SIGNATURE_REFUSED = '{"message":"invalid signature"}';

interface Forged {
  status: number;
  echoed: boolean;
  answered: () => boolean;
}

export async function forgedRequests(ctx: ScenarioContext): Promise<void> {
  const line = await forgedLine(ctx);
  const slack = await forgedSlack(ctx);
  await sleep(1_500); // anything wrongly accepted would be answered by now
  const all = [...line, ...slack];
  const accepted = all.filter((f) => f.status !== 401).length;
  const echoed = all.filter((f) => f.echoed).length;
  const answered = all.filter((f) => f.answered()).length;
  ctx.out.add({
    id: "forged",
    check: "forged or unsigned LINE / Slack requests",
    target: "0 accepted, 401, nothing echoed",
    result: `${accepted} of ${all.length} accepted (LINE ${line.length} kinds, Slack ${slack.length} kinds); ${echoed} echoed; ${answered} answered`,
    pass: accepted === 0 && echoed === 0 && answered === 0,
    figures: { forged: all.length, accepted, echoed, answered },
  });
  const stale = slack.slice(3);
  ctx.out.add({
    id: "slack-stale",
    check: "Slack request 301 s old or 301 s in the future",
    target: "rejected",
    result: `${stale.filter((r) => r.status === 401).length} of ${stale.length} rejected with 401`,
    pass: stale.every((r) => r.status === 401),
    figures: { stale: stale.length, rejected: stale.filter((r) => r.status === 401).length },
  });
}

/** LINE: unsigned, another channel's secret, a signature of other bytes, a truncated one, garbage, empty. */
async function forgedLine(ctx: ScenarioContext): Promise<Forged[]> {
  const { rig, line } = ctx;
  const sig = (body: string) => signedHeaders(line.secret, body)["x-line-signature"]!;
  const forgeries: ((body: string) => string | null)[] = [
    () => null,
    (b) => createHmac("sha256", OTHER_SECRET).update(b).digest("base64"),
    (b) => sig(`${b} `),
    (b) => sig(b).slice(0, 20),
    () => "not-a-signature!",
    () => "",
  ];
  return Promise.all(
    forgeries.map(async (forge, i) => {
      const e = textEvent(rig.line, lineUserId(i, "f0"), "出産のお祝い金はある？");
      const body = webhookBody([e.event]);
      const r = await postLine(rig.client, line, body, forge(body));
      return {
        status: r.status,
        echoed: r.text !== SIGNATURE_REFUSED,
        answered: () => rig.line.answered(e.eventId) > 0,
      };
    }),
  );
}

/** Slack: unsigned, another app's secret, a v1 scheme, then (last two) 301 s old and 301 s in the future. */
async function forgedSlack(ctx: ScenarioContext): Promise<Forged[]> {
  const { rig, slack } = ctx;
  const now = () => Math.floor(Date.now() / 1000);
  const json = "application/json";
  const cases: ((b: string) => Record<string, string>)[] = [
    () => ({ "content-type": json, "x-slack-request-timestamp": String(now()) }),
    (b) => slackHeaders(OTHER_SECRET, b, json),
    (b) => {
      const h = slackHeaders(slack.secret, b, json);
      return { ...h, "x-slack-signature": h["x-slack-signature"]!.replace("v0=", "v1=") };
    },
    (b) => slackHeaders(slack.secret, b, json, now() - 301),
    (b) => slackHeaders(slack.secret, b, json, now() + 301),
  ];
  return Promise.all(
    cases.map(async (headers) => {
      const m = appMentionBody("出産のお祝い金");
      const r = await rig.client.send(slack.url, { method: "POST", headers: headers(m.body), body: m.body });
      return {
        status: r.status,
        echoed: r.text.includes("出産") || r.text.includes(m.eventId),
        answered: () => postsInThread(rig.slack, m.ts) > 0,
      };
    }),
  );
}
