// How a channel (LINE, Slack) plugs into the server. Each has one ChannelMount in mounts/, which hands the
// channel the shared services it needs (the channel itself knows nothing of the server); the list in
// channel-mounts.ts names them (one line per channel). At start-up the server calls `mount` with
// the shared services; a channel whose settings are absent from the environment returns null and stays
// off, one whose settings are wrong throws (the server refuses to start and prints the message).
//
// Routes a channel adds receive the RAW body bytes (RouteRequest.body): nothing is parsed before the
// handler, so signatures are checked over exactly what the platform signed. Bodies over the server's cap
// (1 MiB) are answered 413 before any handler runs.
import type { ServerConfig } from "../config/server-config.js";
import type { RouteRegistrar } from "../channels/http/route-registrar.js";
import type { Logger } from "./logging/logger.js";
import type { ServerMetrics } from "./metrics/server-metrics.js";
import type { BackgroundTasks } from "./background-tasks.js";
import type { ServerServices } from "./server-services.js";

export interface MountContext {
  config: ServerConfig;
  routes: RouteRegistrar;
  /** The server's logger: personal data is masked in everything logged through it. */
  logger: Logger;
  /** Shared metrics (no-match, query latency, duplicate deliveries dropped …) and the registry for a channel's own. */
  metrics: ServerMetrics;
  /** Work started after a webhook has been acknowledged; a graceful stop waits for it. */
  tasks: BackgroundTasks;
  services: ServerServices;
}

export interface MountedChannel {
  /** Lines printed at start-up, e.g. "LINE: POST /webhooks/line (伊万里市)". */
  summary: string[];
  /** Called on shutdown after the HTTP server has stopped accepting requests. */
  close?(): Promise<void>;
}

export interface ChannelMount {
  /** Short name shown in /healthz and the start-up banner: "line", "slack". */
  name: string;
  /** Printed when the channel stays off: how to turn it on, e.g. "set LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN". */
  offHint: string;
  /** Adds the channel's routes when it is configured; null when it is not (then it stays off). */
  mount(ctx: MountContext): Promise<MountedChannel | null>;
}
