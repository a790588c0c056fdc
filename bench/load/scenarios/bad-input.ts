// Bad input: a batch where one event's handling fails; malformed JSON and invalid UTF-8 with a valid
// signature; a 10,000-character message; bodies over 1 MiB (declared and chunked). The server must answer
// each promptly with the right status, keep serving, and answer the rest.
import { Agent, request } from "node:http";
import { postLine, textEvent, webhookBody, lineUserId, signedHeaders } from "../line-webhooks.js";
import { slackHeaders } from "../../../test/fakes/slack-requests.js";
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
    id: "batch-failure",
    check: "batch of 3 events where one handler throws",
    target: "200, the other two answered",
    result: `ack ${ack.status} in ${ms(ack.ms)}; ${others} of 2 others answered; failing one answered ${rig.line.answered(events[1]!.eventId)} times`,
    pass: ack.status === 200 && others === 2,
    figures: { ack: ack.status, othersAnswered: others },
  });
}

export async function malformedBodies(ctx: ScenarioContext): Promise<void> {
  const { rig, line, server } = ctx;
  const long = textEvent(rig.line, lineUserId(1, "m0"), `出産のお祝い金について教えてください。${"あ".repeat(10_000)}`);
  const surrogate = textEvent(rig.line, lineUserId(3, "m0"), "\ud94a出産のお祝い金\udc00");
  const cases: { name: string; send: () => Promise<{ status: number }>; ok: (s: number) => boolean }[] = [
    {
      name: "LINE: malformed JSON, valid signature",
      send: () => postLine(rig.client, line, '{"events": [ {"type": "message",'),
      ok: is4xx,
    },
    {
      name: "LINE: invalid UTF-8, valid signature",
      send: () => postLine(rig.client, line, Buffer.from([0x7b, 0x22, 0x65, 0xff, 0xfe, 0x22, 0x3a, 0x5b, 0x5d, 0x7d])),
      ok: is4xx,
    },
    {
      name: "LINE: events not a list",
      send: () => postLine(rig.client, line, '{"events": {"type": "message"}}'),
      ok: is4xx,
    },
    {
      name: "LINE: 10,000-character message",
      send: () => postLine(rig.client, line, webhookBody([long.event])),
      ok: (s) => s === 200,
    },
    {
      name: "LINE: lone surrogates in a message",
      send: () => postLine(rig.client, line, webhookBody([surrogate.event])),
      ok: (s) => s === 200,
    },
    {
      name: "API: lone surrogates in a chat text",
      send: () =>
        rig.client.send(`${server.url}/api/chat`, {
          method: "POST",
          headers: json(),
          body: JSON.stringify({ session: "abcdefgh13", text: "\ud94a出産のお祝い金" }),
        }),
      ok: (s) => s === 200,
    },
    {
      name: "API: malformed JSON",
      send: () =>
        rig.client.send(`${server.url}/api/chat`, {
          method: "POST",
          headers: json(),
          body: '{"session": "abcdefgh", "text": ',
        }),
      ok: is4xx,
    },
    {
      name: "API: invalid UTF-8",
      send: () =>
        rig.client.send(`${server.url}/api/chat`, {
          method: "POST",
          headers: json(),
          body: Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
        }),
      ok: is4xx,
    },
    {
      name: "API: 10,000-character text",
      send: () =>
        rig.client.send(`${server.url}/api/chat`, {
          method: "POST",
          headers: json(),
          body: JSON.stringify({ session: "abcdefgh12", text: "あ".repeat(10_000) }),
        }),
      ok: is4xx,
    },
    {
      name: "Slack: malformed body, valid signature",
      send: () => {
        const b = "{{{";
        return rig.client.send(ctx.slack.url, {
          method: "POST",
          headers: slackHeaders(ctx.slack.secret, b, "application/json"),
          body: b,
        });
      },
      ok: is4xx,
    },
  ];
  const statuses: number[] = [];
  for (const c of cases) statuses.push((await c.send()).status);
  const wrong = cases.filter((c, i) => !c.ok(statuses[i]!)).map((c, i) => `${c.name}: ${statuses[i]}`);
  await awaitAnswers(line, [long.eventId, surrogate.eventId], 10_000);
  const longAnswered = rig.line.answered(long.eventId) === 1 && rig.line.answered(surrogate.eventId) === 1;
  const alive = await healthy(ctx);
  ctx.out.add({
    id: "malformed",
    check: "malformed JSON with a valid signature; invalid UTF-8; 10,000-character message; lone surrogates",
    target: "4xx or a polite reply; no crash",
    result: `${cases.length - wrong.length} of ${cases.length} right (${statuses.join(", ")}); 10,000-character and lone-surrogate LINE messages answered: ${longAnswered ? "yes" : "no"}; server ${alive ? "up" : "DOWN"}`,
    pass: wrong.length === 0 && longAnswered && alive,
    figures: { cases: cases.length, wrong: wrong.length, longAnswered, alive },
  });
}

export async function oversizedBodies(ctx: ScenarioContext): Promise<void> {
  const { rig, line, server, slack } = ctx;
  const size = 1024 * 1024 + 1;
  const big = Buffer.alloc(size, 0x62);
  const targets: [string, Record<string, string>, number, boolean][] = [
    [line.url, signedHeaders(line.secret, big), size, false],
    [`${server.url}/api/chat`, json(), size, false],
    [slack.url, slackHeaders(slack.secret, big, "application/json"), size, false],
    [line.url, signedHeaders(line.secret, big), 4 * 1024 * 1024, true],
  ];
  const results: { status: number; ms: number; error?: string }[] = [];
  for (const [url, headers, bytes, chunked] of targets)
    results.push(await uploadTooLarge(url, headers, bytes, chunked));
  const after = textEvent(rig.line, lineUserId(2, "m0"), "婚活を応援してくれる制度");
  await postLine(rig.client, line, webhookBody([after.event]));
  await awaitAnswers(line, [after.eventId], 10_000);
  const stillAnswering = rig.line.answered(after.eventId) === 1 && (await healthy(ctx));
  const slowest = Math.max(...results.map((r) => r.ms));
  const refused = results.map((r) => (r.status === 413 ? "413" : `${r.status} ${r.error ?? ""}`.trim()));
  ctx.out.add({
    id: "body-limit",
    check: "body over 1 MiB",
    target: "413, promptly, process unaffected",
    result: `${results.filter((r) => r.status === 413).length} of ${results.length} got 413 (LINE, API, Slack, chunked 4 MiB: ${refused.join(", ")}); slowest ${ms(slowest)}; answering afterwards: ${stillAnswering ? "yes" : "no"}`,
    pass: results.every((r) => r.status === 413) && slowest < 2_000 && stillAnswering,
    figures: {
      requests: results.length,
      got413: results.filter((r) => r.status === 413).length,
      slowestMs: Math.round(slowest),
      stillAnswering,
    },
  });
}

/**
 * A body larger than the cap, on its own connection, declared (Content-Length) or chunked, `bytes` long.
 * The server answers 413 without reading the rest and then closes: the answer counts even when writing the
 * remainder fails afterwards (EPIPE, ECONNRESET), as it does for any client that sends too much.
 */
function uploadTooLarge(
  url: string,
  headers: Record<string, string>,
  bytes: number,
  chunked: boolean,
): Promise<{ status: number; ms: number; error?: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const settle = (r: { status: number; error?: string }) => {
      if (settled) return;
      settled = true;
      resolve({ ...r, ms: performance.now() - started });
      req.destroy();
    };
    const h = chunked
      ? { ...headers, "transfer-encoding": "chunked" }
      : { ...headers, "content-length": String(bytes) };
    const req = request(url, { method: "POST", headers: h, agent: new Agent({ keepAlive: false }) }, (res) => {
      res.resume();
      settle({ status: res.statusCode ?? 0 });
    });
    req.on("error", (e: NodeJS.ErrnoException) =>
      setTimeout(() => settle({ status: 0, error: e.code ?? e.message }), 1_000),
    );
    setTimeout(() => settle({ status: 0, error: "no answer in 10 s" }), 10_000).unref();
    const chunk = Buffer.alloc(64 * 1024, 0x62);
    let sent = 0;
    const pump = () => {
      while (sent < bytes && !settled) {
        const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        sent += part.length;
        if (!req.write(part)) return void req.once("drain", pump);
      }
      if (!settled) req.end();
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
