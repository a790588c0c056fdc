// POST /api/chat {"session","text"} or {"session","action"} → { session, reply }: the chat pane talks to
// the same conversation engine as LINE, so staff see what residents get. The reply is the engine's
// channel-neutral Reply (text, cards, list, suggestions); the page renders it.
import type { KnowledgeBase } from "../../../knowledge/knowledge-base.js";
import { BadRequest } from "../../http/http-error.js";
import { readJson } from "../../http/read-json.js";
import { jsonResponse, type RouteHandler } from "../../http/route.js";
import type { ChannelMetrics, ConversationPort, KnowledgeSnapshot } from "../../channel-context.js";
import { parseChatRequest, type ChatRequest } from "./chat-request.js";

export interface ChatRouteDeps {
  engine: ConversationPort;
  snapshot: () => KnowledgeSnapshot;
  metrics: ChannelMetrics;
  /** The deployment's municipality (MADOGUCHI_MUNICIPALITY), used when the request names none. */
  scope: string | null;
}

export function chatRoute(deps: ChatRouteDeps): RouteHandler {
  return async (req) => {
    const request = parseChatRequest(readJson(req));
    const municipality = resolveScope(deps.snapshot().knowledge, request.municipality, deps.scope);
    const base = { user: `web:${request.session}`, channel: "web", municipality };
    const started = performance.now();
    const reply = await deps.engine.respond(
      "text" in request ? { ...base, text: request.text } : { ...base, action: request.action },
    );
    deps.metrics.queryDuration.observe({ channel: "web", kind: "chat" }, (performance.now() - started) / 1000);
    if (reply.noMatch) deps.metrics.noMatch.inc({ channel: "web" });
    Object.assign(req.logFields, describe(request), {
      intent: reply.intent,
      noMatch: reply.noMatch,
      programs: reply.programs.length,
    });
    return jsonResponse(200, { session: request.session, reply });
  };
}

function resolveScope(kb: KnowledgeBase, requested: string | null, scope: string | null): string | null {
  if (!requested) return scope;
  const resolved = kb.resolveMunicipality(requested);
  if (!resolved)
    throw new BadRequest("municipality: not one this knowledge serves (see /api/categories)", "unknown_municipality");
  return resolved;
}

/** What the log may say about a chat request: its kind and length, never its words. */
function describe(request: ChatRequest): Record<string, unknown> {
  return "text" in request
    ? { input: "text", textLength: [...request.text].length }
    : { input: "action", action: request.action.kind };
}
