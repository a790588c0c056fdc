// Per-user rate limits on the running server with its default settings: one LINE resident sends 15
// messages at once (burst 10) — LINE gets 200 for every one, the resident gets 10 answers and one
// 「少しお待ちください」; one web client sends 130 searches at once (burst 120) — past the burst, 429 with
// Retry-After, while another client is still served.
import { postLine, textEvent, webhookBody, lineUserId } from "../line-webhooks.js";
import { waitFor } from "./duplicates.js";
import { count, sleep, type ScenarioContext } from "./context.js";
import { DEFAULT_LINE_RULE, DEFAULT_WEB_RULE } from "../../../src/server/rate-limit/rate-limit-config.js";

export async function rateLimits(ctx: ScenarioContext): Promise<void> {
  const { rig, line, server } = ctx;
  const user = lineUserId(1, "r0");
  const sent = DEFAULT_LINE_RULE.burst + 5;
  const events = Array.from({ length: sent }, () => textEvent(rig.line, user, "出産のお祝い金はある？"));
  const lineStarted = performance.now();
  const acks = await Promise.all(events.map((e) => postLine(rig.client, line, webhookBody([e.event]))));
  await waitFor(() => rig.line.answersTo(user).length >= DEFAULT_LINE_RULE.burst + 1, 10_000);
  await sleep(1_000);
  const answers = rig.line.answersTo(user);
  const notices = count(answers, (a) => a.text.startsWith("少しお待ちください"));
  const answered = answers.length - notices;
  const lineRefill = Math.floor(((performance.now() - lineStarted) / 60_000) * DEFAULT_LINE_RULE.perMinute);
  const lineOk =
    acks.every((a) => a.status === 200) &&
    answered >= DEFAULT_LINE_RULE.burst &&
    answered <= DEFAULT_LINE_RULE.burst + lineRefill &&
    notices >= 1 &&
    notices <= 1 + lineRefill;

  const searches = DEFAULT_WEB_RULE.burst + 10;
  const client = { "x-forwarded-for": "198.51.100.23" };
  const webStarted = performance.now();
  const web = await Promise.all(
    Array.from({ length: searches }, () =>
      rig.client.send(`${server.url}/api/search?q=${encodeURIComponent("出産")}`, { headers: client }),
    ),
  );
  // Tokens come back while the burst is in flight: allow for the refill over the time it took.
  const refilled = Math.ceil(((performance.now() - webStarted) / 60_000) * DEFAULT_WEB_RULE.perMinute) + 1;
  const refused = web.filter((r) => r.status === 429);
  const retryAfter = refused.map((r) => Number(r.headers["retry-after"]));
  const other = await rig.client.send(`${server.url}/api/search?q=${encodeURIComponent("出産")}`, {
    headers: { "x-forwarded-for": "198.51.100.24" },
  });
  const served = count(web, (r) => r.status === 200);
  const webOk =
    served >= DEFAULT_WEB_RULE.burst &&
    served <= DEFAULT_WEB_RULE.burst + refilled &&
    refused.length === searches - served &&
    retryAfter.every((s) => Number.isInteger(s) && s >= 1) &&
    other.status === 200;
  ctx.out.add({
    id: "rate-limit",
    check: "per-user rate limit (LINE burst 10, 20/min; API burst 120, 600/min)",
    target: "LINE: always 200, one 「少しお待ちください」; API: 429 + Retry-After",
    result: `LINE: ${sent} messages → ${count(acks, (a) => a.status === 200)} × 200, ${answered} answered, ${notices} notice, ${sent - answers.length} silent; API: ${searches} searches → ${count(web, (r) => r.status === 200)} × 200, ${refused.length} × 429 (Retry-After ${range(retryAfter)} s), other client ${other.status}`,
    pass: lineOk && webOk,
    figures: {
      lineSent: sent,
      lineAnswered: answered,
      lineNotices: notices,
      apiSent: searches,
      api429: refused.length,
      otherClient: other.status,
    },
  });
}

function range(values: number[]): string {
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}
