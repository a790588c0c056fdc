// Puts the configured LINE channels on the server: one POST route per channel, the handoff messenger per
// channel, and the channel's counters. Nothing is mounted when no LINE channel is configured.
import type { LineChannelConfig } from "./line-config.js";
import { readLineConfig } from "./line-config.js";
import { LineChannel, type LineChannelDeps } from "./line-channel.js";
import { InMemoryDeliveryStore, type DeliveryStore } from "../../shared-state/delivery-store.js";
import type { LineWebhookRequest, LineWebhookResponse } from "./line-webhook-handler.js";
import type { LineHandoff, ResidentOnLine } from "./line-answerer.js";

/** The part of the server's route table a channel uses (src/server's RouteRegistrar fits). */
export interface LineRouteRegistrar {
  add(method: string, pattern: string, handler: (req: LineWebhookRequest) => LineWebhookResponse): void;
}

interface CounterLike {
  inc(labels?: Record<string, string>, by?: number): void;
}

/** The server's metrics as the LINE channel uses them (src/server's ServerMetrics and registry fit). */
export interface LineMetricsDeps {
  registry: { counter(name: string, help: string, labelNames?: readonly string[]): CounterLike };
  duplicateDeliveriesDropped: CounterLike;
  noMatch: CounterLike;
}

export interface MountLineOptions extends Omit<LineChannelDeps, "dedupe" | "onOutcome" | "onReply" | "handoff"> {
  env: Readonly<Record<string, string | undefined>>;
  /** Shared by every channel; Redis when several server processes answer one channel (issue #8). */
  dedupe?: DeliveryStore;
  metrics?: LineMetricsDeps;
  /** The handoff to staff; each channel plugs in its way of sending to a resident. */
  handoff?: LineHandoff & { attachMessenger(channel: string, messenger: { send(resident: ResidentOnLine, text: string): Promise<void> }): void };
  /** Checks a channel's municipality against the knowledge (returns the full name, or undefined if unknown). */
  resolveMunicipality?: (input: string) => string | undefined;
  /** Already-read channel configurations (otherwise read from `env`). */
  configs?: LineChannelConfig[];
}

export function mountLineChannels(routes: LineRouteRegistrar, options: MountLineOptions): LineChannel[] {
  const configs = (options.configs ?? readLineConfig(options.env)).map((c) => withResolvedMunicipality(c, options.resolveMunicipality));
  if (configs.length === 0) return [];
  const dedupe = options.dedupe ?? new InMemoryDeliveryStore();
  const events = options.metrics?.registry.counter("madoguchi_line_events_total", "LINE webhook events by channel, type and outcome.", ["channel", "type", "outcome"]);
  return configs.map((config) => {
    const channel = new LineChannel(config, {
      ...options, dedupe, handoff: options.handoff,
      onReply: (name, reply) => { if (reply.noMatch) options.metrics?.noMatch.inc({ channel: "line" }); },
      onOutcome: (name, type, outcome) => {
        events?.inc({ channel: name, type, outcome });
        if (outcome === "duplicate") options.metrics?.duplicateDeliveriesDropped.inc({ channel: "line" });
      },
    });
    routes.add("POST", config.path, channel.handle);
    options.handoff?.attachMessenger(config.channel, { send: (resident, text) => channel.pushText(resident.userId, text) });
    return channel;
  });
}

function withResolvedMunicipality(config: LineChannelConfig, resolve?: (input: string) => string | undefined): LineChannelConfig {
  if (!config.municipality || !resolve) return config;
  const name = resolve(config.municipality);
  if (!name) throw new Error(`LINE channel ${config.name}: unknown municipality "${config.municipality}" (not in the knowledge)`);
  return { ...config, municipality: name };
}
