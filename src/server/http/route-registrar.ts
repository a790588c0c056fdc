// The part of the route table a channel sees: it can add routes, not look at or change others.
import type { RouteOptions } from "./route-table.js";
import type { RouteHandler } from "./types.js";

export interface RouteRegistrar {
  /**
   * Adds a route. The handler gets the raw body bytes (nothing parsed, so signatures can be checked
   * first); bodies over the cap never reach it (413). `pattern`: `/webhooks/line`, `/webhooks/line/:name`.
   */
  add(method: string, pattern: string, handler: RouteHandler, options?: RouteOptions): void;
}
