// Forged, unsigned and stale requests: LINE (no signature, another channel's secret, a signature of
// different bytes, a truncated one, garbage) and Slack (the same, plus 301 s old and 301 s ahead).
// Each must get 401 with a fixed body that echoes nothing it was sent, and no resident or staff member
// may receive anything because of it.
import { createHmac } from "node:crypto";
import { postLine, signedHeaders, textEvent, webhookBody, lineUserId } from "../line-webhooks.js";
import { appMentionBody, slackHeaders } from "../slack-requests.js";
import { sleep, type ScenarioContext } from "./context.js";

export async function forgedRequests(ctx: ScenarioContext): Promise<void> {
  const { rig, line, slack } = ctx;
  const events = Array.from({ length: 6 }, (_, i) => textEvent(rig.line, lineUserId(i, "f0"), "出産のお祝い金はある？"));
  const other = "0123456789abcdef0123456789abcdef";
  const sig = (body: string) => signedHeaders(line.secret, body)["x-line-signature"]!;
  const lineForgeries: [string, (body: string) => string | null][] = [
    ["unsigned", () => null],
    ["another channel's secret", (b) => createHmac("sha256", other).update(b).digest("base64")],
    ["signature of other bytes", (b) => sig(`${b} `)],
    ["truncated (wrong length)", (b) => sig(b).slice(0, 20)],
    ["garbage", () => "not-a-signature!"],
    ["empty", () => ""],
  ];
  const results = await Promise.all(lineForgeries.map(([, forge], i) => {
    const body = webhookBody([events[i]!.event]);
    return postLine(rig.client, line, body, forge(body)).then((r) => ({ r, body }));
  }));
  const slackCases: [string, (b: string) => Record<string, string>][] = [
    ["unsigned", () => ({ "content-type": "application/json", "x-slack-request-timestamp": String(Math.floor(Date.now() / 1000)) })],
    ["another app's secret", (b) => slackHeaders(other, b, "application/json")],
    ["v1 scheme", (b) => ({ ...slackHeaders(slack.secret, b, "application/json"), "x-slack-signature": slackHeaders(slack.secret, b, "application/json")["x-slack-signature"]!.replace("v0=", "v1=") })],
    ["301 s old", (b) => slackHeaders(slack.secret, b, "application/json", Math.floor(Date.now() / 1000) - 301)],
    ["301 s in the future", (b) => slackHeaders(slack.secret, b, "application/json", Math.floor(Date.now() / 1000) + 301)],
  ];
  const mentions = slackCases.map(() => appMentionBody("出産のお祝い金"));
  const slackResults = await Promise.all(slackCases.map(([, headers], i) => rig.client.send(slack.url, { method: "POST", headers: headers(mentions[i]!.body), body: mentions[i]!.body })));
  await sleep(1_500); // anything wrongly accepted would be answered by now
  const accepted = results.filter(({ r }) => r.status !== 401).length + slackResults.filter((r) => r.status !== 401).length;
  const echoed = results.filter(({ r }) => r.text !== '{"message":"invalid signature"}' || r.text.includes("出産")).length
    + slackResults.filter((r) => r.text.includes("出産") || r.text.includes("Ev")).length;
  const answered = events.filter((e) => rig.line.answered(e.eventId) > 0).length + mentions.filter((m) => ctx.rig.slack.postsByThread.has(m.ts)).length;
  const total = results.length + slackResults.length;
  ctx.out.add({
    id: "forged", check: "forged or unsigned LINE / Slack requests", target: "0 accepted, 401, nothing echoed",
    result: `${accepted} of ${total} accepted (LINE ${lineForgeries.length} kinds, Slack ${slackCases.length} kinds); ${echoed} echoed; ${answered} answered`,
    pass: accepted === 0 && echoed === 0 && answered === 0,
    figures: { forged: total, accepted, echoed, answered },
  });
  const stale = slackResults.slice(3);
  ctx.out.add({
    id: "slack-stale", check: "Slack request 301 s old or 301 s in the future", target: "rejected",
    result: `${stale.filter((r) => r.status === 401).length} of ${stale.length} rejected with 401`,
    pass: stale.every((r) => r.status === 401),
    figures: { stale: stale.length, rejected: stale.filter((r) => r.status === 401).length },
  });
}
