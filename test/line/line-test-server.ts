// The real server (startServer) with the LINE channel pointed at a fake LINE platform on 127.0.0.1.
import { FakeLinePlatform } from "../fakes/line-platform.js";
import { LineEvents, webhookBody } from "./line-events.js";
import { startServer, type RunningServer } from "../../src/server/start-server.js";
import { readServerConfig } from "../../src/config/server-config.js";
import { webChannel } from "../../src/channels/web/index.js";
import { lineChannel } from "../../src/channels/line/index.js";
import { captureLogs, type LogCapture } from "../server/support/log-capture.js";

export const CHANNEL_SECRET = "test-line-channel-secret-0123456789";
export const ACCESS_TOKEN = "test-line-access-token";

export interface LineTestServer {
  server: RunningServer;
  platform: FakeLinePlatform;
  events: LineEvents;
  logs: LogCapture;
  /** The webhook URL of the environment's channel. */
  webhookUrl: string;
  /** Delivers a signed webhook with `events` (as LINE does) and returns the response. */
  deliver(events: object[], url?: string): Promise<Response>;
  /** Resolves when every acknowledged event has been handled. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startLineTestServer(env: Record<string, string> = {}): Promise<LineTestServer> {
  const platform = await FakeLinePlatform.start({ channelAccessToken: ACCESS_TOKEN });
  const logs = captureLogs();
  const config = readServerConfig({
    HOST: "127.0.0.1",
    PORT: "0",
    MADOGUCHI_WATCH: "off",
    LOG_LEVEL: "info",
    LINE_CHANNEL_SECRET: CHANNEL_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: ACCESS_TOKEN,
    LINE_API_BASE_URL: platform.baseUrl,
    MADOGUCHI_MUNICIPALITY: "伊万里市",
    ...env,
  });
  let server: RunningServer;
  try {
    server = await startServer({ config, logDestination: logs.destination, channels: [webChannel, lineChannel] });
  } catch (e) {
    await platform.close();
    throw e;
  }
  const webhookUrl = `${server.url}/webhooks/line`;
  return {
    server,
    platform,
    logs,
    webhookUrl,
    events: new LineEvents(platform),
    deliver: (events, url = webhookUrl) =>
      platform.deliver(url, CHANNEL_SECRET, webhookBody(events), undefined, server.request),
    settle: () => server.idle(),
    close: async () => {
      await server.close();
      await platform.close();
    },
  };
}
