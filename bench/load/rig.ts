// Everything a load run needs around the server: a temporary directory (a copy of the bundled knowledge
// the run may break and mend, the servers' log files), the fake LINE and Slack APIs, fresh secrets, an
// HTTP client, and the server processes it starts — all on 127.0.0.1, all removed by `close()`.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { BUNDLED_KNOWLEDGE } from "../../src/config/server-config.js";
import { HttpClient } from "./http-client.js";
import { LineApiSink } from "./line-api-sink.js";
import { FakeSlackApi } from "../../test/fakes/slack-api.js";
import { ServerProcess } from "./server-process.js";
import type { LineTarget } from "./line-webhooks.js";
import type { SlackTarget } from "../../test/fakes/slack-requests.js";

export interface Secrets {
  lineSecret: string;
  lineToken: string;
  slackSecret: string;
  slackToken: string;
}

export class Rig {
  readonly client = new HttpClient(256);
  private readonly servers: ServerProcess[] = [];

  private constructor(
    readonly dir: string,
    readonly knowledgeDir: string,
    readonly secrets: Secrets,
    readonly line: LineApiSink,
    readonly slack: FakeSlackApi,
  ) {}

  static async create(): Promise<Rig> {
    const dir = await mkdtemp(join(tmpdir(), "madoguchi-load-"));
    const knowledgeDir = join(dir, "knowledge");
    await cp(BUNDLED_KNOWLEDGE, knowledgeDir, { recursive: true });
    const secrets: Secrets = {
      lineSecret: randomBytes(16).toString("hex"),
      lineToken: `lt${randomBytes(60).toString("base64url")}`,
      slackSecret: randomBytes(16).toString("hex"),
      slackToken: `xoxb-${randomBytes(12).toString("hex")}`,
    };
    const [line, slack] = await Promise.all([
      LineApiSink.start(secrets.lineToken),
      FakeSlackApi.start({ botToken: secrets.slackToken }),
    ]);
    return new Rig(dir, knowledgeDir, secrets, line, slack);
  }

  /** The environment of a server answering LINE and Slack through the fakes, serving the run's knowledge copy. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      LOG_LEVEL: "info",
      MADOGUCHI_KNOWLEDGE: this.knowledgeDir,
      MADOGUCHI_RELOAD_DEBOUNCE_MS: "200",
      // The load comes "through a load balancer": X-Forwarded-For names each simulated client.
      MADOGUCHI_TRUST_PROXY: "1",
      LINE_CHANNEL_SECRET: this.secrets.lineSecret,
      LINE_CHANNEL_ACCESS_TOKEN: this.secrets.lineToken,
      LINE_API_BASE_URL: this.line.baseUrl,
      SLACK_SIGNING_SECRET: this.secrets.slackSecret,
      SLACK_BOT_TOKEN: this.secrets.slackToken,
      SLACK_API_URL: this.slack.apiUrl,
      ...extra,
    };
  }

  /** A server process; its journal is `journal/<name>` in the run's directory unless `extra` names one. */
  async startServer(
    name: string,
    extra: Record<string, string> = {},
    launcher?: [string, string[]],
    nodeArgs?: string[],
  ): Promise<ServerProcess> {
    const env = this.env({ MADOGUCHI_JOURNAL_DIR: join(this.dir, "journal", name), ...extra });
    const server = await ServerProcess.start({
      env,
      logFile: this.logFile(name),
      ...(launcher ? { launcher } : {}),
      ...(nodeArgs ? { nodeArgs } : {}),
    });
    this.servers.push(server);
    return server;
  }

  logFile(name: string): string {
    return resolve(this.dir, `${name}.log`);
  }

  /** Every log file of the run (the servers started so far). */
  get logFiles(): string[] {
    return this.servers.map((s) => s.logFile);
  }

  lineTarget(server: ServerProcess): LineTarget {
    return { url: `${server.url}/webhooks/line`, secret: this.secrets.lineSecret, sink: this.line };
  }

  slackTarget(server: ServerProcess): SlackTarget {
    return { url: `${server.url}/slack/events`, secret: this.secrets.slackSecret };
  }

  async close(keepDir = false): Promise<void> {
    await Promise.all(this.servers.map((s) => s.stop()));
    this.client.close();
    await Promise.all([this.line.close(), this.slack.close()]);
    if (!keepDir) await rm(this.dir, { recursive: true, force: true });
  }
}
