// The web channel: the front-desk page and its JSON API.
//   GET  /                      the page          GET /static/*file   its CSS, JS and icons
//   GET  /api/search            search / browse   GET /api/categories what the filters offer
//   GET  /api/programs/:id      one program       GET /api/faqs/:id   one FAQ entry
//   POST /api/chat              one turn of the chat pane (the conversation engine)
// Always on. The /api/* routes pass the per-client rate limit first; the page's files never do.
import type { ChannelContext, ChannelRoutes } from "../channel-context.js";
import type { Route, RouteHandler } from "../http/route.js";
import { StaticFiles } from "./static-files.js";
import { searchRoute } from "./api/search-route.js";
import { faqRoute, programRoute } from "./api/entry-routes.js";
import { categoriesRoute } from "./api/categories-route.js";
import { chatRoute } from "./api/chat-route.js";

/** Chat bodies are small: 16 KiB is far above the 1,000-character cap and far below the server's 1 MiB. */
const CHAT_BODY_LIMIT = 16 * 1024;

export interface WebOptions {
  /** The page's directory (tests); the package's public/ by default. */
  publicDir?: string;
}

export async function webChannel(ctx: ChannelContext, options: WebOptions = {}): Promise<ChannelRoutes> {
  const { snapshot, metrics, scope, now } = ctx;
  const files = new StaticFiles(options.publicDir);
  const api = (method: string, pattern: string, handler: RouteHandler, bodyLimit?: number): Route => ({
    method,
    pattern,
    options: bodyLimit ? { bodyLimit } : {},
    handler: async (req) => {
      await ctx.admission.web(req);
      return handler(req);
    },
  });
  const routes: Route[] = [
    { method: "GET", pattern: "/", handler: files.file("index.html") },
    { method: "GET", pattern: "/static/*file", handler: files.handler() },
    api("GET", "/api/search", searchRoute({ snapshot, metrics, now })),
    api("GET", "/api/categories", categoriesRoute({ snapshot, scope })),
    api("GET", "/api/programs/:id", programRoute({ snapshot, now })),
    api("GET", "/api/faqs/:id", faqRoute({ snapshot, now })),
    api("POST", "/api/chat", chatRoute({ engine: ctx.engine, snapshot, metrics, scope }), CHAT_BODY_LIMIT),
  ];
  return { name: "web", routes, summary: [] };
}
