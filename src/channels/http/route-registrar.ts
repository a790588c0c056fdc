// The part of the server's route table a channel sees: it can add routes, not look at or change others.
import type { RouteHandler } from "./route.js";

export interface RouteOptions {
  /** Overrides the server's body cap for this route (bytes); the server's cap applies otherwise. */
  bodyLimit?: number;
}

export interface RouteRegistrar {
  /**
   * Adds a route. The handler gets the raw body bytes (nothing parsed, so signatures can be checked
   * first); bodies over the cap never reach it (413). `pattern`: `/webhooks/line`, `/webhooks/line/:name`.
   */
  add(method: string, pattern: string, handler: RouteHandler, options?: RouteOptions): void;
}
