// Front-desk traffic alongside the LINE load: searches as staff type them (and, if asked, chat turns),
// each from one of many client addresses (the server trusts one proxy hop in these runs), until stopped.
import type { HttpClient } from "./http-client.js";
import { pick, RESIDENT_QUESTIONS, STAFF_QUERIES } from "./questions.js";

export interface WebLoadResult {
  statuses: number[];
  /** Searches answered 200 that found nothing (the knowledge being served went missing). */
  noMatch: number;
}

export interface WebLoad {
  stop(): Promise<WebLoadResult>;
}

export function startWebLoad(
  client: HttpClient,
  baseUrl: string,
  perSecond: number,
  o: { chatEvery?: number; clients?: number } = {},
): WebLoad {
  const result: WebLoadResult = { statuses: [], noMatch: 0 };
  let stopped = false;
  const run = (async () => {
    for (let i = 0; !stopped; i++) {
      const headers = { "x-forwarded-for": `203.0.113.${i % (o.clients ?? 100)}` };
      if (o.chatEvery && i % o.chatEvery === o.chatEvery - 1) {
        const body = JSON.stringify({ session: `web-load-${i % 500}`, text: pick(RESIDENT_QUESTIONS, i) });
        const r = await client.send(`${baseUrl}/api/chat`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body,
        });
        result.statuses.push(r.status);
      } else {
        const r = await client.send(`${baseUrl}/api/search?q=${encodeURIComponent(pick(STAFF_QUERIES, i))}`, {
          headers,
        });
        result.statuses.push(r.status);
        if (r.status === 200 && (JSON.parse(r.text) as { noMatch?: boolean }).noMatch) result.noMatch++;
      }
      await new Promise((r) => setTimeout(r, 1000 / perSecond));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await run;
      return result;
    },
  };
}
