// The web channel's routes: the front-desk page and its JSON API.
//   GET  /                      the page          GET /static/*file   its CSS, JS and icons
//   GET  /api/search            search / browse   GET /api/categories what the filters offer
//   GET  /api/programs/:id      one program       GET /api/faqs/:id   one FAQ entry
//   POST /api/chat              one turn of the chat pane (the conversation engine)
import type { RouteRegistrar } from "../http/route-registrar.js";
import type { ConversationPort, WebMetrics, WebSnapshot } from "./ports.js";
import { StaticFiles } from "./static-files.js";
import { searchRoute } from "./api/search-route.js";
import { faqRoute, programRoute } from "./api/entry-routes.js";
import { categoriesRoute } from "./api/categories-route.js";
import { chatRoute } from "./api/chat-route.js";

export interface WebRouteDeps {
  snapshot: () => WebSnapshot;
  engine: ConversationPort;
  metrics: WebMetrics;
  scope: string | null;
  now?: () => Date;
  /** The page's directory (tests); the package's public/ by default. */
  publicDir?: string;
}

/** Chat bodies are small: 16 KiB is far above the 1,000-character cap and far below the server's 1 MiB. */
const CHAT_BODY_LIMIT = 16 * 1024;

export function registerWebRoutes(routes: RouteRegistrar, deps: WebRouteDeps): void {
  const now = deps.now ?? (() => new Date());
  const files = new StaticFiles(deps.publicDir);
  routes.add("GET", "/", files.file("index.html"));
  routes.add("GET", "/static/*file", files.handler());
  routes.add("GET", "/api/search", searchRoute({ snapshot: deps.snapshot, metrics: deps.metrics, now }));
  routes.add("GET", "/api/categories", categoriesRoute({ snapshot: deps.snapshot, scope: deps.scope }));
  routes.add("GET", "/api/programs/:id", programRoute({ snapshot: deps.snapshot, now }));
  routes.add("GET", "/api/faqs/:id", faqRoute({ snapshot: deps.snapshot, now }));
  routes.add("POST", "/api/chat", chatRoute({ engine: deps.engine, snapshot: deps.snapshot, metrics: deps.metrics, scope: deps.scope }), { bodyLimit: CHAT_BODY_LIMIT });
}
