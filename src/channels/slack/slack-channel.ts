// The Slack channel: a Bolt app whose requests come through our server's route (or, with SLACK_APP_TOKEN,
// through Socket Mode), with the listeners for lookups, answer buttons, the App Home and handoff threads.
// Events are deduplicated on event_id before any listener runs.
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { App, webApi, type Receiver } from "@slack/bolt";
import { boltLogger } from "./bolt-logger.js";
import { BotIdentity } from "./bot-identity.js";
import { dedupeEvents } from "./dedupe-middleware.js";
import { InMemoryDeliveryStore } from "../../shared-state/delivery-store.js";
import { SlackRouteReceiver } from "./route-receiver.js";
import { DurableSlackEvents } from "./durable-events.js";
import { MemoryAnswerGuard } from "../../shared-state/answer-guard.js";
import { SlackLookup } from "./slack-lookup.js";
import { SlackStaffDesk } from "./handoff/slack-staff-desk.js";
import { registerLookupListeners } from "./listeners/lookup-listeners.js";
import { registerAnswerActions } from "./listeners/answer-actions.js";
import { homePublisher, registerHomeListeners, type HomeDeps } from "./listeners/home-listeners.js";
import { registerStaffListeners, staffHomePart } from "./listeners/staff-listeners.js";
import { SlackApprovers } from "./staff/slack-approvers.js";
import type { StaffInsights } from "./home/staff-insights.js";
import { registerHandoffListeners } from "./listeners/handoff-listeners.js";
import type { SlackConfig } from "./slack-config.js";
import type { SlackDeps } from "./slack-deps.js";

export interface SlackChannel {
  app: App;
  /** The route handler for POST /slack/events; undefined in Socket Mode. */
  receiver: SlackRouteReceiver | undefined;
  /** The handoff desk, when SLACK_HANDOFF_CHANNEL is set and a handoff service was given. */
  desk: SlackStaffDesk | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface SlackChannelOptions {
  /** Clock for the signature window (tests). */
  signatureNow?: () => number;
  /** See SlackRouteReceiver (default 2,500 ms). */
  ackTimeoutMs?: number;
}

/** 1 s doubling to 30 s, 8 retries: about 2 minutes in all before an answer is given up (and logged). */
export const SLACK_PATIENCE = { retries: 8, factor: 2, minTimeout: 1_000, maxTimeout: 30_000, randomize: true };

/** One pool of kept-alive connections to the Slack API (https in production, http to a local fake). */
function keepAliveAgent(apiUrl: string | undefined): HttpAgent {
  const options = { keepAlive: true, maxSockets: 32, maxFreeSockets: 8 };
  return apiUrl?.startsWith("http:") ? new HttpAgent(options) : new HttpsAgent(options);
}

export function createSlackChannel(
  config: SlackConfig,
  deps: SlackDeps,
  options: SlackChannelOptions = {},
): SlackChannel {
  const logger = boltLogger(deps.log);
  // Outbound calls: a timeout per call, connections kept alive, and an answer that waits out a Slack outage
  // (5xx, refused connections) with jittered back-off for about two minutes; a 429 waits for its Retry-After.
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: config.apiUrl,
    timeout: 10_000,
    retryConfig: SLACK_PATIENCE,
    agent: keepAliveAgent(config.apiUrl),
    logger,
  };
  const client = new webApi.WebClient(config.botToken, clientOptions);
  const identity = new BotIdentity(client, config.botToken);
  const durable = config.appToken ? undefined : durableEvents(deps);
  const receiver = config.appToken ? undefined : routeReceiver(config, deps, options, durable);
  const app = new App({
    ...(receiver ? { receiver: receiver as Receiver } : { socketMode: true, appToken: config.appToken }),
    authorize: identity.authorize,
    clientOptions,
    logger,
    convoStore: false,
  });
  app.use(dedupeEvents(deps.dedupe ?? new InMemoryDeliveryStore(), deps.log, deps.onDuplicate));
  app.error(async (e) => deps.log.error({ err: e }, "slack: listener failed"));
  const lookup = new SlackLookup(deps, config.command);
  registerLookupListeners(app, lookup, config);
  registerAnswerActions(app, lookup);
  if (deps.insights) registerHome(app, client, config, deps, deps.insights);
  const desk = attachStaffDesk(app, client, config, deps);
  return {
    app,
    receiver,
    desk,
    async start() {
      // Learn the bot's ids now, so the first event does not wait for auth.test (a failure is retried later).
      await identity
        .authorize()
        .catch((e: unknown) => deps.log.warn({ err: e }, "slack: auth.test failed; will retry on the first event"));
      durable?.start(app); // every listener is registered: queued events (an earlier life's too) may come
      if (!receiver) await app.start();
    },
    async stop() {
      if (!receiver) await app.stop();
    },
  };
}

/** The App Home, and with staff changes on, 「回答を登録」 and the drafts to approve (approvers checked here, on the server). */
function registerHome(
  app: App,
  client: webApi.WebClient,
  config: SlackConfig,
  deps: SlackDeps,
  insights: StaffInsights,
): void {
  const now = deps.now ?? Date.now;
  const approvers = new SlackApprovers(config.approvers, client, now);
  const changes = deps.staff?.changes({ mayApprove: (actor) => approvers.mayApprove(actor.slackId) });
  const home: HomeDeps = {
    insights,
    proposals: deps.proposals,
    mask: deps.mask,
    log: deps.log,
    now,
    ...(changes ? { staffPart: staffHomePart({ changes, approvers, now, knowledge: deps.knowledge }) } : {}),
  };
  registerHomeListeners(app, home);
  if (changes)
    registerStaffListeners(app, {
      changes,
      approvers,
      insights,
      log: deps.log,
      now,
      publish: homePublisher(home),
      handoff: deps.handoff,
      knowledge: deps.knowledge,
    });
}

/** The receiver behind POST /slack/events, when Slack calls us over HTTP (no SLACK_APP_TOKEN). */
function routeReceiver(
  config: SlackConfig,
  deps: SlackDeps,
  options: SlackChannelOptions,
  durable: DurableSlackEvents | undefined,
): SlackRouteReceiver {
  return new SlackRouteReceiver({
    ...(durable ? { durable } : {}),
    signingSecret: config.signingSecret,
    now: options.signatureNow,
    ackTimeoutMs: options.ackTimeoutMs,
    runInBackground: deps.runInBackground,
    onError: (e) => deps.log.error({ err: e }, "slack: event processing failed"),
  });
}

/** Events API deliveries through the server's durable queue, when it gives one (over HTTP; not Socket Mode). */
function durableEvents(deps: SlackDeps): DurableSlackEvents | undefined {
  if (!deps.queue) return undefined;
  const run = deps.runInBackground;
  return new DurableSlackEvents({
    queue: deps.queue,
    answers: deps.answers ?? new MemoryAnswerGuard(),
    dedupe: deps.dedupe ?? new InMemoryDeliveryStore(),
    log: deps.log,
    ...(deps.onDuplicate ? { onDuplicate: deps.onDuplicate } : {}),
    ...(run ? { track: (work: Promise<void>) => run("slack-event", () => work) } : {}),
  });
}

/** With SLACK_HANDOFF_CHANNEL set, this channel becomes the handoff's staff desk: threads there reach residents. */
function attachStaffDesk(
  app: App,
  client: webApi.WebClient,
  config: SlackConfig,
  deps: SlackDeps,
): SlackStaffDesk | undefined {
  if (!deps.handoff || !config.handoffChannel) return undefined;
  const desk = new SlackStaffDesk(client, config.handoffChannel, deps.now);
  deps.handoff.attachDesk(desk);
  deps.handoff.setIdleTimeout(config.handoffTimeoutMinutes * 60_000);
  registerHandoffListeners(app, deps.handoff, config.handoffChannel, deps.log, {
    answerButton: deps.staff !== undefined && deps.insights !== undefined,
  });
  return desk;
}
