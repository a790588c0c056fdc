// At least 10,000 generated bodies (fast-check, fixed seed so a failure can be replayed) against every
// route that takes input: the LINE webhook (signed and not), the chat and search API, a program's page,
// the Slack endpoint. A crash is a 5xx, a dropped connection, or the server process gone; none is allowed,
// and afterwards the server must still answer a resident.
import { fuzzRequests, type FuzzRequest } from "../fuzz-bodies.js";
import { mapConcurrent, type Sent } from "../http-client.js";
import { postLine, textEvent, webhookBody, lineUserId } from "../line-webhooks.js";
import { slackHeaders } from "../../../test/fakes/slack-requests.js";
import { awaitAnswers } from "../line-load.js";
import { healthy, type ScenarioContext } from "./context.js";

export const FUZZ_SEED = 20_260_801;

export async function fuzzBodies(ctx: ScenarioContext): Promise<void> {
  const requests = fuzzRequests(ctx.profile.fuzzBodies, FUZZ_SEED);
  ctx.say(`fuzz: ${requests.length} generated bodies (seed ${FUZZ_SEED}) …`);
  const started = performance.now();
  const results = await mapConcurrent(requests, 32, (r, i) => send(ctx, r, i));
  const seconds = (performance.now() - started) / 1000;
  const crashes = results.filter((r) => r.status === 0 || r.status >= 500);
  const byClass = new Map<string, number>();
  for (const r of results)
    byClass.set(`${Math.floor(r.status / 100)}xx`, (byClass.get(`${Math.floor(r.status / 100)}xx`) ?? 0) + 1);
  const probe = textEvent(ctx.rig.line, lineUserId(9, "z0"), "出産のお祝い金はある？");
  await postLine(ctx.rig.client, ctx.line, webhookBody([probe.event]));
  await awaitAnswers(ctx.line, [probe.eventId], 30_000);
  const answering = ctx.rig.line.answered(probe.eventId) === 1 && (await healthy(ctx));
  const classes = [...byClass]
    .sort()
    .map(([k, v]) => `${v} × ${k}`)
    .join(", ");
  ctx.out.add({
    id: "fuzz",
    check: `≥ 10,000 fuzzed bodies (fast-check, seed ${FUZZ_SEED})`,
    target: "0 crashes (no 5xx, no dropped connection)",
    result: `${results.length} bodies in ${seconds.toFixed(1)} s: ${crashes.length} crashes (${classes}); still answering residents: ${answering ? "yes" : "no"}`,
    pass: results.length >= Math.min(10_000, ctx.profile.fuzzBodies) && crashes.length === 0 && answering,
    figures: { bodies: results.length, crashes: crashes.length, answering, ...Object.fromEntries(byClass) },
  });
  for (const crash of crashes.slice(0, 3))
    ctx.say(
      `  crash (${crash.status || crash.error}): ${JSON.stringify(requests[results.indexOf(crash)]).slice(0, 300)}`,
    );
}

function send(ctx: ScenarioContext, r: FuzzRequest, i: number): Promise<Sent> {
  const { rig, server, line, slack } = ctx;
  const body = typeof r.body === "string" ? r.body : Buffer.from(r.body);
  const client = { "x-forwarded-for": `192.0.2.${i % 250}` }; // spread over clients: the fuzz is not about the rate limit
  switch (r.target) {
    case "line":
      return postLine(rig.client, line, body);
    case "line-unsigned":
      return postLine(rig.client, line, body, null);
    case "chat":
      return rig.client.send(`${server.url}/api/chat`, {
        method: "POST",
        headers: { "content-type": "application/json", ...client },
        body,
      });
    case "search":
      return rig.client.send(
        `${server.url}/api/search?q=${String(r.body)}&municipality=${String(r.body).slice(0, 9)}`,
        { headers: client },
      );
    case "program":
      return rig.client.send(`${server.url}/api/programs/${String(r.body) || "x"}`, { headers: client });
    case "slack-json":
      return rig.client.send(slack.url, {
        method: "POST",
        headers: slackHeaders(slack.secret, body, "application/json"),
        body,
      });
    case "slack-form":
      return rig.client.send(slack.url, {
        method: "POST",
        headers: slackHeaders(slack.secret, body, "application/x-www-form-urlencoded"),
        body,
      });
  }
}
