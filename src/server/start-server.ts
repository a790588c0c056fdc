// Starts the whole server: knowledge + index + engine, the web page and API, /healthz and /metrics,
// the configured channels (LINE, Slack), live reload (file watch and SIGHUP). Used by `madoguchi serve`
// and by the tests, which start it on 127.0.0.1 with port 0.
import type { AddressInfo } from "node:net";
import type { DestinationStream } from "pino";
import type { ServerConfig } from "../config/server-config.js";
import { createLogger, type Logger } from "./logging/logger.js";
import { createServerMetrics, type ServerMetrics } from "./metrics/server-metrics.js";
import { RouteTable } from "./http/route-table.js";
import { createHttpServer, type HttpServer } from "./http/http-server.js";
import { requestInProcess } from "./http/in-process.js";
import { BackgroundTasks } from "./background-tasks.js";
import { registerCoreRoutes } from "./core-routes.js";
import { buildServices } from "./build-services.js";
import type { ServerServices } from "./server-services.js";
import type { ChannelFactory } from "../channels/channel-context.js";
import { CHANNELS, channelContext, mountChannels, type MountedChannels } from "./mount-channels.js";
import { watchKnowledge, type KnowledgeWatcher } from "./live-knowledge/watch-knowledge.js";
import type { ReloadOutcome } from "./live-knowledge/knowledge-runtime.js";
import { maskPersonalData } from "../text/mask-personal-data.js";
import { ArrivalRate } from "./scheduling/arrival-rate.js";

export interface StartServerOptions {
  config: ServerConfig;
  /** Where log lines go (default: stdout). */
  logDestination?: DestinationStream;
  /** The channels to try (default: web, LINE and Slack, see mount-channels.ts). */
  channels?: readonly ChannelFactory[];
  /** Reload on SIGHUP (the CLI turns this on; tests call `reload()`). */
  reloadOnSighup?: boolean;
  now?: () => Date;
}

export interface RunningServer {
  /** The base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  address: AddressInfo;
  config: ServerConfig;
  logger: Logger;
  metrics: ServerMetrics;
  services: ServerServices;
  channels: MountedChannels;
  reload(reason?: string): Promise<ReloadOutcome>;
  /** Answers a request in this process, without a socket (tests): a path such as "/api/search?q=…", or a Request. */
  request(input: Request | string, init?: RequestInit): Promise<Response>;
  /** Resolves when the work started after answering (acknowledged LINE events, Slack listeners) is done. */
  idle(): Promise<void>;
  /** Stops accepting requests, waits for requests and background work in flight, closes the channels. */
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config } = options;
  const logger = createLogger({ level: config.logLevel, destination: options.logDestination, mask: maskPersonalData });
  const metrics = createServerMetrics();
  const services = await buildServices({ config, logger, metrics, mask: maskPersonalData, now: options.now });
  const routes = new RouteTable();
  const tasks = new BackgroundTasks(logger);
  const startedAt = new Date();
  let channels: MountedChannels = { names: [], summary: [], off: [], closers: [] };
  // Requests arriving in a burst (a spike of webhooks): answers and loading indicators wait for it to pass.
  const arrivals = new ArrivalRate();
  registerCoreRoutes(routes, {
    health: () => services.runtime.health(),
    metrics,
    channels: () => channels.names,
    startedAt,
  });
  channels = await mountChannels(
    options.channels ?? CHANNELS,
    channelContext(config, services, metrics, tasks, logger, () => arrivals.bursting()),
    routes,
  );
  // Answers of acknowledged LINE events give way to requests arriving (a spike's acknowledgements first).
  services.limits.turns.yieldToArrivals({ bursting: () => arrivals.bursting() });
  const onRequest = () => arrivals.seen();
  const pipeline = { routes, bodyLimit: config.bodyLimit, logger, metrics, onRequest };
  const http = createHttpServer(pipeline);
  const address = await listenOrClose(http, config, channels, services);
  const reload = (reason = "manual") => services.runtime.reload(reason);
  const watcher = startWatching(config, logger, reload);
  const onSighup = () => {
    void reload("SIGHUP");
  };
  if (options.reloadOnSighup) process.on("SIGHUP", onSighup);
  services.handoff.start();
  const url = `http://${displayHost(address)}:${address.port}`;
  logger.info(
    {
      url,
      channels: channels.names,
      knowledgeVersion: services.runtime.health().version,
      sharedState: services.shared.where,
    },
    "listening",
  );
  return {
    url,
    address,
    config,
    logger,
    metrics,
    services,
    channels,
    reload,
    idle: () => tasks.idle(),
    request: (input, init) => requestInProcess(pipeline, input, init),
    async close() {
      watcher?.close();
      process.off("SIGHUP", onSighup);
      await http.close();
      const left = await tasks.drain(10_000);
      if (left > 0) logger.warn({ tasks: left }, "stopped with background tasks still running");
      await closeAll(channels, services);
      logger.info({}, "stopped");
      logger.flush();
    },
  };
}

/** Listens; when it cannot (the port is taken), closes the channels already mounted before failing. */
async function listenOrClose(
  http: HttpServer,
  config: ServerConfig,
  channels: MountedChannels,
  services: ServerServices,
): Promise<AddressInfo> {
  try {
    return await http.listen(config.port, config.host);
  } catch (e) {
    await closeAll(channels, services);
    throw e;
  }
}

function startWatching(
  config: ServerConfig,
  logger: Logger,
  reload: (reason: string) => Promise<ReloadOutcome>,
): KnowledgeWatcher | undefined {
  if (!config.watchKnowledge) return undefined;
  try {
    return watchKnowledge(
      config.knowledgeDir,
      config.reloadDebounceMs,
      () => {
        void reload("file change");
      },
      (e) => logger.warn({ err: e }, "knowledge watcher failed: reload with SIGHUP"),
    );
  } catch (e) {
    logger.warn({ err: e }, "cannot watch the knowledge directory: reload with SIGHUP");
    return undefined;
  }
}

async function closeAll(channels: MountedChannels, services: ServerServices): Promise<void> {
  for (const close of channels.closers) await close();
  services.handoff.stop();
  await services.staff.close();
  await services.shared.close();
  await services.reloadWorker?.close();
}

/** How to reach a bound address from this machine (0.0.0.0 and :: are reachable at 127.0.0.1 / [::1]). */
function displayHost(address: AddressInfo): string {
  if (address.address === "0.0.0.0") return "127.0.0.1";
  if (address.address === "::") return "[::1]";
  return address.family === "IPv6" ? `[${address.address}]` : address.address;
}
