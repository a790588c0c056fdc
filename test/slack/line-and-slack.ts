// The real server with both channels on, the fake LINE platform and the fake Slack API: what the handoff and
// unsend tests share. `fromResident` delivers signed LINE events and waits until every channel is idle.
import { expect } from "vitest";
import { FakeLinePlatform } from "../fakes/line-platform.js";
import { LineEvents, webhookBody } from "../line/line-events.js";
import { lineChannel } from "../../src/channels/line/index.js";
import { startSlackTestServer, HANDOFF_CHANNEL, type SlackTestServer } from "./slack-test-server.js";

export interface LineAndSlack {
  t: SlackTestServer;
  line: FakeLinePlatform;
  events: LineEvents;
  fromResident(events: object[]): Promise<void>;
  close(): Promise<void>;
}

export async function startLineAndSlack(lineSecret: string, lineToken: string): Promise<LineAndSlack> {
  const line = await FakeLinePlatform.start({ channelAccessToken: lineToken });
  const t = await startSlackTestServer(
    {
      LINE_CHANNEL_SECRET: lineSecret,
      LINE_CHANNEL_ACCESS_TOKEN: lineToken,
      LINE_API_BASE_URL: line.baseUrl,
      SLACK_HANDOFF_CHANNEL: HANDOFF_CHANNEL,
    },
    [lineChannel],
  );
  return {
    t,
    line,
    events: new LineEvents(line),
    async fromResident(events) {
      const response = await line.deliver(
        `${t.server.url}/webhooks/line`,
        lineSecret,
        webhookBody(events),
        undefined,
        t.server.request,
      );
      expect(response.status).toBe(200);
      await t.server.idle();
    },
    async close() {
      await t.close();
      await line.close();
    },
  };
}
