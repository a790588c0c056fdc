// Bad input: a batch where one event's handling fails; malformed JSON and invalid UTF-8 with a valid
// signature; a 10,000-character message; bodies over 1 MiB (declared and chunked). The server must answer
// each promptly with the right status, keep serving, and answer the rest.
import { Agent, request } from "node:http";
import { postLine, textEvent, webhookBody, lineUserId, signedHeaders } from "../line-webhooks.js";
import { slackHeaders } from "../slack-requests.js";
import { awaitAnswers } from "../line-load.js";
import { healthy, type ScenarioContext } from "./context.js";
import { ms } from "../stats.js";

export async function failingEventInBatch(ctx: ScenarioContext): Promise<void> {
  const { rig, line } = ctx;
  const events = [0, 1, 2].map((i) => textEvent(rig.line, lineUserId(i, "b0"), "子どもの医療費の助成は何歳まで？"));
  rig.line.failUser(events[1]!.user); // LINE answers 500 to every reply and push for this resident
  const ack = await postLine(rig.client, line, webhookBody(events.map((e) => e.event)));
  await awaitAnswers(line, [events[0]!.eventId, events[2]!.eventId], 10_000);
  const others = [events[0]!, events[2]!].filter((e) => rig.line.answered(e.eventId) === 1).length;
  ctx.out.add({
    id: "batch-failure", check: "batch of 3 events where one handler throws", target: "200, the other two answered",
    result: `ack ${ack.status} in ${ms(ack.ms)}; ${others} of 2 others answered; failing one answered ${rig.line.answered(events[1]!.eventId)} times`,
    pass: ack.status === 200 && others === 2,
    figures: { ack: ack.status, othersAnswered: others },
  });
}

export async function malformedBodies(ctx: ScenarioContext): Promise<void> {
  const { rig, line, server } = ctx;
  const long = textEvent(rig.line, lineUserId(1, "m0"), `出産のお祝い金について教えてください。${"あ".repeat(10_000)}`);
  const cases: { name: string; send: () => Promise<{ status: number }>; ok: (s: number) => boolean }[] = [
    { name: "LINE: malformed JSON, valid signature", send: () => postLine(rig.client, line, '{"events": [ {"type": "message",'), ok: is4xx },
    { name: "LINE: invalid UTF-8, valid signature", send: () => postLine(rig.client, line, Buffer.from([0x7b, 0x22, 0x65, 0xff, 0xfe, 0x22, 0x3a, 0x5b, 0x5d, 0x7d])), ok: is4xx },
    { name: "LINE: events not a list", send: () => postLine(rig.client, line, '{"events": {"type": "message"}}'), ok: is4xx },
    { name: "LINE: 10,000-character message", send: () => postLine(rig.client, line, webhookBody([long.event])), ok: (s) => s === 200 },
    { name: "API: malformed JSON", send: () => rig.client.send(`${server.url}/api/chat`, { method: "POST", headers: json(), body: '{"session": "abcdefgh", "text": ' }), ok: is4xx },
    { name: "API: invalid UTF-8", send: () => rig.client.send(`${server.url}/api/chat`, { method: "POST", headers: json(), body: Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]) }), ok: is4xx },
    { name: "API: 10,000-character text", send: () => rig.client.send(`${server.url}/api/chat`, { method: "POST", headers: json(), body: JSON.stringify({ session: "abcdefgh12", text: "あ".repeat(10_000) }) }), ok: is4xx },
    { name: "Slack: malformed body, valid signature", send: () => { const b = "{{{"; return rig.client.send(ctx.slack.url, { method: "POST", headers: slackHeaders(ctx.slack.secret, b, "application/json"), body: b }); }, ok: is4xx },
  ];
  const statuses: number[] = [];
  for (const c of cases) statuses.push((await c.send()).status);
  const wrong = cases.filter((c, i) => !c.ok(statuses[i]!)).map((c, i) => `${c.name}: ${statuses[i]}`);
  await awaitAnswers(line, [long.eventId], 10_000);
  const longAnswered = rig.line.answered(long.eventId) === 1;
  const alive = await healthy(ctx);
  ctx.out.add({
    id: "malformed", check: "malformed JSON with a valid signature; invalid UTF-8; 10,000-character message", target: "4xx or a polite reply; no crash",
    result: `${cases.length - wrong.length} of ${cases.length} right (${statuses.join(", ")}); 10,000-character LINE message answered: ${longAnswered ? "yes" : "no"}; server ${alive ? "up" : "DOWN"}`,
    pass: wrong.length === 0 && longAnswered && alive,
    figures: { cases: cases.length, wrong: wrong.length, longAnswered, alive },
  });
}

export async function oversizedBodies(ctx: ScenarioContext): Promise<void> {
  const { rig, line, server, slack } = ctx;
  const big = Buffer.alloc(1024 * 1024 + 1, 0x61);
  const targets: [string, Record<string, string>][] = [
    [line.url, signedHeaders(line.secret, big)],
    [`${server.url}/api/chat`, json()],
    [slack.url, slackHeaders(slack.secret, big, "application/json")],
  ];
  const results: { status: number; ms: number }[] = [];
  for (const [url, headers] of targets) results.push(await rig.client.send(url, { method: "POST", headers, body: big }));
  results.push(await chunkedUpload(line.url, signedHeaders(line.secret, big), 4 * 1024 * 1024));
  const after = textEvent(rig.line, lineUserId(2, "m0"), "婚活を応援してくれる制度");
  await postLine(rig.client, line, webhookBody([after.event]));
  await awaitAnswers(line, [after.eventId], 10_000);
  const stillAnswering = rig.line.answered(after.eventId) === 1 && (await healthy(ctx));
  const slowest = Math.max(...results.map((r) => r.ms));
  ctx.out.add({
    id: "body-limit", check: "body over 1 MiB", target: "413, promptly, process unaffected",
    result: `${results.filter((r) => r.status === 413).length} of ${results.length} got 413 (LINE, API, Slack, chunked 4 MiB); slowest ${ms(slowest)}; answering afterwards: ${stillAnswering ? "yes" : "no"}`,
    pass: results.every((r) => r.status === 413) && slowest < 2_000 && stillAnswering,
    figures: { requests: results.length, got413: results.filter((r) => r.status === 413).length, slowestMs: Math.round(slowest), stillAnswering },
  });
}

/** A chunked upload (no Content-Length) of `bytes`, to see the cap enforced while the body streams in. */
function chunkedUpload(url: string, headers: Record<string, string>, bytes: number): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const agent = new Agent({ keepAlive: false });
    const req = request(url, { method: "POST", headers: { ...headers, "transfer-encoding": "chunked" }, agent }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, ms: performance.now() - started });
      req.destroy();
    });
    req.on("error", () => resolve({ status: 0, ms: performance.now() - started }));
    const chunk = Buffer.alloc(64 * 1024, 0x62);
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

function is4xx(status: number): boolean {
  return status >= 400 && status < 500;
}

function json(): Record<string, string> {
  return { "content-type": "application/json" };
}
