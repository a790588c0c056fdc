// Personal data and secrets in, none in the logs: residents on LINE, staff on the page and in Slack send
// My Numbers (plain, 4-4-4 with spaces or hyphens, full-width), phone numbers (mobile, landline, with
// brackets, +81, full-width with an IME's dashes), e-mail addresses and the deployment's own secrets, in
// messages, button data, URLs, headers and broken bodies. At the end of the run every server's log is
// searched for each value as written and as a bare digit run.
import { readLog } from "../server-process.js";
import { mapConcurrent } from "../http-client.js";
import { postLine, textEvent, webhookBody, lineUserId } from "../line-webhooks.js";
import { appMentionBody, slackHeaders, slashCommandBody } from "../../../test/fakes/slack-requests.js";
import { awaitAnswers } from "../line-load.js";
import type { ScenarioContext } from "./context.js";

export const SEEDED_PERSONAL_DATA: readonly string[] = [
  "4071 2385 9164",
  "5182-3496-0275",
  "629347018536",
  "７３０４５８１２９６４７",
  "090-4821-7753",
  "0955-23-4817",
  "(0948)22-5531",
  "+81 80 3341 2290",
  "０８０ー５５１２ー９９８１",
  "09061178842",
  "hanako.itoh+city@example.jp",
  "taro_yamada@mail.example.com",
];

/** Messages as residents might write them, each carrying some of the values above. */
function messages(secrets: readonly string[]): string[] {
  const [a, b, c, d, e, f, g, h, i, j, k, l] = SEEDED_PERSONAL_DATA;
  return [
    `マイナンバーは${a}です。児童手当の申請をしたい`,
    `個人番号 ${b} 出産のお祝い金はある？`,
    `${c}`,
    `番号は${d}です`,
    `電話番号は${e}です。折り返してください`,
    `${f}に電話したけどつながらない`,
    `連絡先 ${g}`,
    `${h} から送っています`,
    `携帯${i}`,
    `${j}`,
    `メール ${k} に送って`,
    `${l}`,
    `${k} ${e} ${a} 移住の補助金`,
    ...secrets.map((s) => `この文字列は何ですか ${s}`),
  ];
}

export async function seedPersonalData(ctx: ScenarioContext): Promise<void> {
  const { rig, line, server, slack } = ctx;
  const s = rig.secrets;
  const texts = messages([s.lineSecret, s.lineToken, s.slackSecret, s.slackToken]);
  const events = texts.map((t, n) => textEvent(rig.line, lineUserId(n, "q0"), t));
  const postbacks = texts.slice(0, 5).map((t, n) => ({
    ...textEvent(rig.line, lineUserId(n, "q1"), t).event,
    type: "postback",
    message: undefined,
    postback: { data: t },
  }));
  const jobs: (() => Promise<unknown>)[] = [
    ...events.map((e) => () => postLine(rig.client, line, webhookBody([e.event]))),
    ...postbacks.map((p) => () => postLine(rig.client, line, webhookBody([p]))),
    ...texts.map(
      (t, n) => () =>
        rig.client.send(`${server.url}/api/chat`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": `192.0.2.${n}` },
          body: JSON.stringify({ session: `privacy-${n}-abc`, text: t }),
        }),
    ),
    ...texts.map(
      (t) => () =>
        rig.client.send(`${server.url}/api/chat`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: `{"session": "privacy-x", "text": "${t}`,
        }),
    ),
    ...texts.map(
      (t) => () =>
        rig.client.send(`${server.url}/api/search?q=${encodeURIComponent(t)}`, {
          headers: { "user-agent": t.replace(/[^\x20-\x7e]/g, "?"), authorization: `Bearer ${s.lineToken}` },
        }),
    ),
    ...SEEDED_PERSONAL_DATA.map((v) => () => rig.client.send(`${server.url}/api/programs/${encodeURIComponent(v)}`)),
    ...texts.slice(0, 6).map((t) => () => {
      const b = slashCommandBody(t, rig.slack.responseUrl());
      return rig.client.send(slack.url, {
        method: "POST",
        headers: slackHeaders(slack.secret, b, "application/x-www-form-urlencoded"),
        body: b,
      });
    }),
    ...texts.slice(0, 6).map((t) => () => {
      const m = appMentionBody(t);
      return rig.client.send(slack.url, {
        method: "POST",
        headers: slackHeaders(slack.secret, m.body, "application/json"),
        body: m.body,
      });
    }),
    () => postLine(rig.client, line, webhookBody([events[0]!.event]), s.lineSecret), // the secret itself as a forged signature
  ];
  await mapConcurrent(jobs, 8, (job) => job());
  await awaitAnswers(
    line,
    events.map((e) => e.eventId),
    10_000,
  );
  ctx.say(
    `privacy: seeded ${SEEDED_PERSONAL_DATA.length} personal values and 4 secrets through ${jobs.length} requests`,
  );
}

/** Searches every server log of the run; to be called last, after everything else has been logged. */
export async function scanLogs(ctx: ScenarioContext, extraSecrets: readonly string[] = []): Promise<void> {
  const s = ctx.rig.secrets;
  const secrets = [s.lineSecret, s.lineToken, s.slackSecret, s.slackToken, ...extraSecrets];
  const logs = (await Promise.all(ctx.rig.logFiles.map(readLog))).join("\n");
  const lines = logs.split("\n").filter((l) => l.trim() !== "").length;
  const found: string[] = [];
  for (const value of [...SEEDED_PERSONAL_DATA, ...secrets]) {
    const forms = new Set([value, value.replace(/[^0-9０-９]/g, ""), toAsciiDigits(value.replace(/[^0-9０-９]/g, ""))]);
    for (const form of forms)
      if (form.length >= 8 && logs.includes(form)) found.push(form === value ? value : `${value} (as ${form})`);
  }
  const masks = countOf(logs, "[個人番号]") + countOf(logs, "[電話番号]") + countOf(logs, "[メール]");
  ctx.out.add({
    id: "privacy",
    check: "logs after a run with My Numbers, phone numbers, e-mails and secrets in messages",
    target: "0 unmasked",
    result: `${found.length} unmasked of ${SEEDED_PERSONAL_DATA.length} personal values and ${secrets.length} secrets, over ${lines} log lines of ${ctx.rig.logFiles.length} server process(es); ${masks} masks written`,
    pass: found.length === 0 && lines > 0,
    figures: { seeded: SEEDED_PERSONAL_DATA.length + secrets.length, unmasked: found.length, logLines: lines, masks },
  });
  if (found.length > 0) ctx.say(`  unmasked in the logs: ${found.map((f) => `${f.slice(0, 6)}…`).join(", ")}`);
}

function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function countOf(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
