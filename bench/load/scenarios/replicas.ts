// Several replicas behind one Redis (a real redis-server with a password, on a free port): two server
// processes with the same REDIS_URL. The same LINE event (and Slack event) delivered to both at once is
// answered once; a conversation whose second turn reaches the other process continues (「運賃はいくら？」
// answered for the program of the first turn — and, as a control, not answered so for a resident with no
// first turn); a resident flooding both processes gets one 「少しお待ちください」 in all; and a load shared
// between them is acknowledged as fast as on one process.
import { randomBytes } from "node:crypto";
import { startRedis } from "../redis-process.js";
import type { ServerProcess } from "../server-process.js";
import { postLine, textEvent, webhookBody, lineUserId, type LineTarget } from "../line-webhooks.js";
import { appMentionBody, slackHeaders } from "../../../test/fakes/slack-requests.js";
import { awaitAnswers, driveLine } from "../line-load.js";
import { summarize, ms } from "../stats.js";
import { count, sleep, type ScenarioContext } from "./context.js";
import { waitFor } from "./duplicates.js";
import { ACK_P99_GOAL_MS, LINE_ACK_LIMIT_MS } from "./ack-latency.js";
import { DEFAULT_LINE_RULE } from "../../../src/server/rate-limit/rate-limit-config.js";
import { postsInThread } from "../slack-answers.js";

const SCOPE = "飯塚市";
/** A first turn that puts one program in focus, and a follow-up only that focus can answer. */
const FIRST_TURN = "予約乗合タクシー";
const FOLLOW_UP = "運賃はいくら？";
const FOLLOW_UP_FACT = "300円";

export async function replicas(ctx: ScenarioContext): Promise<string[]> {
  const password = randomBytes(12).toString("hex");
  const redis = await startRedis({ binary: ctx.profile.redisServer, password });
  try {
    const env = { REDIS_URL: redis.url, MADOGUCHI_MUNICIPALITY: SCOPE, MADOGUCHI_WATCH: "off" };
    const [one, two] = await Promise.all([
      ctx.rig.startServer("replica-1", env),
      ctx.rig.startServer("replica-2", env),
    ]);
    const targets = [ctx.rig.lineTarget(one), ctx.rig.lineTarget(two)];
    ctx.say(`replicas: two server processes behind redis-server on port ${redis.port} …`);
    await sameEventToBoth(ctx, targets, [one, two]);
    await conversationAcrossReplicas(ctx, targets);
    await rateLimitAcrossReplicas(ctx, targets);
    await loadAcrossReplicas(ctx, targets);
    await Promise.all([one.stop(), two.stop()]);
  } finally {
    await redis.stop();
  }
  return [password];
}

async function sameEventToBoth(ctx: ScenarioContext, targets: LineTarget[], servers: ServerProcess[]): Promise<void> {
  const { rig } = ctx;
  const events = Array.from({ length: 50 }, (_, i) =>
    textEvent(rig.line, lineUserId(i, "x0"), "妊婦健診の受診券は何回分？"),
  );
  const acks = await Promise.all(
    events.flatMap((e) => targets.map((t) => postLine(rig.client, t, webhookBody([e.event])))),
  );
  const mentions = Array.from({ length: 5 }, () => appMentionBody("妊婦健診"));
  await Promise.all(
    mentions.flatMap((m) =>
      servers.map((s) =>
        rig.client.send(ctx.rig.slackTarget(s).url, {
          method: "POST",
          headers: slackHeaders(rig.secrets.slackSecret, m.body, "application/json"),
          body: m.body,
        }),
      ),
    ),
  );
  await awaitAnswers(
    targets[0]!,
    events.map((e) => e.eventId),
    10_000,
  );
  await waitFor(() => mentions.every((m) => postsInThread(rig.slack, m.ts) > 0), 10_000);
  await sleep(1_500);
  const once = count(events, (e) => rig.line.answered(e.eventId) === 1);
  const slackOnce = count(mentions, (m) => postsInThread(rig.slack, m.ts) === 1);
  ctx.out.add({
    id: "replicas-dedupe",
    check: "two replicas behind one Redis: the same event delivered to both at once",
    target: "answered exactly once",
    result: `LINE: ${once} of ${events.length} events answered once (${acks.length} deliveries, ${count(acks, (a) => a.status === 200)} acked 200); Slack: ${slackOnce} of ${mentions.length} once`,
    pass: once === events.length && slackOnce === mentions.length && acks.every((a) => a.status === 200),
    figures: { events: events.length, once, slackEvents: mentions.length, slackOnce },
  });
}

async function conversationAcrossReplicas(ctx: ScenarioContext, [one, two]: LineTarget[]): Promise<void> {
  const { rig } = ctx;
  const residents = 20;
  let continued = 0;
  for (let i = 0; i < residents; i++) {
    const user = lineUserId(i, "c0");
    const first = textEvent(rig.line, user, FIRST_TURN);
    await postLine(rig.client, one!, webhookBody([first.event]));
    await awaitAnswers(one!, [first.eventId], 10_000);
    const second = textEvent(rig.line, user, FOLLOW_UP);
    await postLine(rig.client, two!, webhookBody([second.event]));
    await awaitAnswers(two!, [second.eventId], 10_000);
    if (rig.line.answers.get(second.eventId)?.text.includes(FOLLOW_UP_FACT)) continued++;
  }
  const control = textEvent(rig.line, lineUserId(99, "c1"), FOLLOW_UP);
  await postLine(rig.client, two!, webhookBody([control.event]));
  await awaitAnswers(two!, [control.eventId], 10_000);
  const controlText = rig.line.answers.get(control.eventId)?.text ?? "";
  const controlOk = controlText !== "" && !controlText.includes(FOLLOW_UP_FACT);
  ctx.out.add({
    id: "replicas-session",
    check: "a conversation whose second turn reaches the other replica",
    target: "continues",
    result: `${continued} of ${residents} residents: 「${FIRST_TURN}」 on replica 1, then 「${FOLLOW_UP}」 on replica 2 answered with ${FOLLOW_UP_FACT}; without a first turn: ${controlOk ? "not answered so (control holds)" : "CONTROL FAILED"}`,
    pass: continued === residents && controlOk,
    figures: { residents, continued, controlHolds: controlOk },
  });
}

async function rateLimitAcrossReplicas(ctx: ScenarioContext, targets: LineTarget[]): Promise<void> {
  const { rig } = ctx;
  const user = lineUserId(1, "l0");
  const sent = DEFAULT_LINE_RULE.burst + 6;
  const events = Array.from({ length: sent }, () => textEvent(rig.line, user, "移住支援金"));
  await Promise.all(events.map((e, i) => postLine(rig.client, targets[i % 2]!, webhookBody([e.event]))));
  await waitFor(() => rig.line.answersTo(user).length >= DEFAULT_LINE_RULE.burst + 1, 10_000);
  await sleep(1_000);
  const answers = rig.line.answersTo(user);
  const notices = count(answers, (a) => a.text.startsWith("少しお待ちください"));
  ctx.out.add({
    id: "replicas-rate-limit",
    check: "one resident flooding both replicas",
    target: `${DEFAULT_LINE_RULE.burst} answered, one 「少しお待ちください」`,
    result: `${sent} messages alternating between replicas: ${answers.length - notices} answered, ${notices} notice, ${sent - answers.length} silent`,
    pass: answers.length - notices === DEFAULT_LINE_RULE.burst && notices === 1,
    figures: { sent, answered: answers.length - notices, notices },
  });
}

async function loadAcrossReplicas(ctx: ScenarioContext, targets: LineTarget[]): Promise<void> {
  const rate = ctx.profile.sustainedRate;
  const seconds = 10;
  const drive = await driveLine({ target: targets, client: ctx.rig.client, rate, seconds, users: 4_000, run: "y0" });
  const { missing } = await awaitAnswers(targets[0]!, drive.eventIds, 30_000);
  const ack = summarize(drive.ackMs);
  ctx.out.add({
    id: "replicas-load",
    check: `two replicas + Redis, ${rate} LINE events/s for ${seconds} s`,
    target: `p99 ≤ ${ACK_P99_GOAL_MS} ms (goal), ≤ ${LINE_ACK_LIMIT_MS / 1000} s (LINE's limit); 0 lost`,
    result: `p50 ${ms(ack.p50)}, p99 ${ms(ack.p99)} over ${drive.sent} events; ${missing} lost; ${drive.notAcked} not acked 200`,
    pass: ack.p99 <= LINE_ACK_LIMIT_MS && missing === 0 && drive.notAcked === 0,
    goalMet: ack.p99 <= ACK_P99_GOAL_MS,
    figures: {
      sent: drive.sent,
      p50: Math.round(ack.p50 * 100) / 100,
      p99: Math.round(ack.p99 * 100) / 100,
      max: Math.round(ack.max),
      lost: missing,
      notAcked: drive.notAcked,
    },
  });
}
