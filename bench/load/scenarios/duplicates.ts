// The same delivery more than once: a LINE event twice in a row, ten copies at the same moment, and a
// redelivery (isRedelivery: true, same webhookEventId and reply token); a Slack event_id retried and ten
// copies at once. Each must be answered exactly once.
import { postLine, textEvent, webhookBody, lineUserId } from "../line-webhooks.js";
import { appMentionBody, slackHeaders } from "../../../test/fakes/slack-requests.js";
import { sleep, type ScenarioContext } from "./context.js";
import { awaitAnswers } from "../line-load.js";
import { postsInThread } from "../slack-answers.js";

export async function duplicates(ctx: ScenarioContext): Promise<void> {
  const { rig, line, slack } = ctx;
  const twice = Array.from({ length: 5 }, (_, i) =>
    textEvent(rig.line, lineUserId(i, "d1"), "不妊治療の助成を知りたい"),
  );
  const tenfold = Array.from({ length: 5 }, (_, i) =>
    textEvent(rig.line, lineUserId(i, "d2"), "移住したら補助金もらえますか"),
  );
  const redelivered = Array.from({ length: 5 }, (_, i) =>
    textEvent(rig.line, lineUserId(i, "d3"), "学童保育に申し込みたい"),
  );
  let deliveries = 0;
  let notAcked = 0;
  const post = async (body: string) => {
    deliveries++;
    const r = await postLine(rig.client, line, body);
    if (r.status !== 200) notAcked++;
  };
  for (const e of twice) {
    await post(webhookBody([e.event]));
    await post(webhookBody([e.event]));
  }
  await Promise.all(tenfold.flatMap((e) => Array.from({ length: 10 }, () => post(webhookBody([e.event])))));
  for (const e of redelivered) {
    await post(webhookBody([e.event]));
    await post(webhookBody([{ ...e.event, deliveryContext: { isRedelivery: true } }]));
  }
  const all = [...twice, ...tenfold, ...redelivered];
  await awaitAnswers(
    line,
    all.map((e) => e.eventId),
    10_000,
  );
  await sleep(1_000); // a second answer would come right after the first
  const once = all.filter((e) => rig.line.answered(e.eventId) === 1).length;

  const slackTwice = appMentionBody("不妊治療");
  const slackTen = appMentionBody("移住 支援");
  const sendSlack = (m: { body: string }, retry?: number) =>
    rig.client.send(slack.url, {
      method: "POST",
      body: m.body,
      headers: {
        ...slackHeaders(slack.secret, m.body, "application/json"),
        ...(retry ? { "x-slack-retry-num": String(retry), "x-slack-retry-reason": "http_timeout" } : {}),
      },
    });
  const slackAcks = [await sendSlack(slackTwice), await sendSlack(slackTwice, 1)];
  slackAcks.push(...(await Promise.all(Array.from({ length: 10 }, (_, i) => sendSlack(slackTen, i % 4)))));
  await waitFor(() => postsInThread(rig.slack, slackTwice.ts) > 0 && postsInThread(rig.slack, slackTen.ts) > 0, 10_000);
  await sleep(1_500);
  const slackOnce = [slackTwice, slackTen].filter((m) => postsInThread(rig.slack, m.ts) === 1).length;
  const slackNotAcked = slackAcks.filter((r) => r.status !== 200).length;
  ctx.out.add({
    id: "duplicates",
    check: "same webhookEventId / event_id delivered twice or ten times at once",
    target: "answered exactly once",
    result: `LINE: ${once} of ${all.length} events answered once (${deliveries} deliveries, incl. redeliveries); Slack: ${slackOnce} of 2 once (${slackAcks.length} deliveries); ${notAcked + slackNotAcked} not acked 200`,
    pass: once === all.length && slackOnce === 2 && notAcked + slackNotAcked === 0,
    figures: {
      lineEvents: all.length,
      lineDeliveries: deliveries,
      lineOnce: once,
      slackEvents: 2,
      slackOnce,
      notAcked: notAcked + slackNotAcked,
    },
  });
}

export async function waitFor(test: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}
