// Several cities on one server: LINE_CHANNELS_FILE lists channels, each at /webhooks/line/<name> with its
// own secret and scope. Also the configuration errors an operator can make, each named.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLineTestServer, ACCESS_TOKEN, type LineTestServer } from "./line-test-server.js";
import { lineUserId, webhookBody } from "./line-events.js";
import { readLineConfig, LineConfigError } from "../../src/channels/line/line-config.js";

const IMARI_SECRET = "imari-secret-0000";
const IIZUKA_SECRET = "iizuka-secret-1111";
const dir = mkdtempSync(join(tmpdir(), "madoguchi-line-"));
const file = join(dir, "line-channels.yaml");
writeFileSync(
  file,
  [
    "- name: imari",
    "  municipality: 伊万里",
    "  channelSecretEnv: IMARI_LINE_SECRET",
    "  channelAccessTokenEnv: LINE_TOKEN",
    "- name: iizuka",
    "  municipality: 飯塚市",
    `  channelSecret: ${IIZUKA_SECRET}`,
    "  channelAccessTokenEnv: LINE_TOKEN",
  ].join("\n"),
);

describe("LINE_CHANNELS_FILE on the real server", () => {
  let t: LineTestServer;
  beforeAll(async () => {
    t = await startLineTestServer({
      LINE_CHANNEL_SECRET: "",
      LINE_CHANNEL_ACCESS_TOKEN: "",
      MADOGUCHI_MUNICIPALITY: "",
      LINE_CHANNELS_FILE: file,
      IMARI_LINE_SECRET: IMARI_SECRET,
      LINE_TOKEN: ACCESS_TOKEN,
    });
  });
  afterAll(async () => {
    await t.close();
  });

  async function askAt(name: string, secret: string, text: string) {
    const event = t.events.text(lineUserId(), text);
    const response = await t.platform.deliver(
      `${t.server.url}/webhooks/line/${name}`,
      secret,
      webhookBody([event]),
      undefined,
      t.server.request,
    );
    await t.settle();
    return {
      status: response.status,
      answer: JSON.stringify(t.platform.replies.find((r) => r.replyToken === event.replyToken)?.messages ?? null),
    };
  }

  it("answers each city's account about that city", async () => {
    const iizuka = await askAt("iizuka", IIZUKA_SECRET, "子ども医療費の助成");
    expect(iizuka.status).toBe(200);
    expect(iizuka.answer).toContain("子ども医療費助成事業");
    expect(iizuka.answer).toContain("飯塚市");
    const imari = await askAt("imari", IMARI_SECRET, "婚活の支援");
    expect(imari.answer).toContain("婚活推進事業");
    expect(imari.answer).not.toContain("飯塚市");
  });

  it("refuses a body signed with another city's secret, and has no default channel", async () => {
    expect((await askAt("iizuka", IMARI_SECRET, "婚活の支援")).status).toBe(401);
    const response = await t.platform.deliver(`${t.server.url}/webhooks/line`, IIZUKA_SECRET, webhookBody([]));
    expect(response.status).toBe(404);
  });
});

it("refuses to start when a channel's municipality is not in the knowledge, naming it", async () => {
  const bad = join(dir, "bad.yaml");
  writeFileSync(bad, "- name: tokyo\n  municipality: 千代田区\n  channelSecret: s\n  channelAccessToken: t\n");
  await expect(
    startLineTestServer({ LINE_CHANNEL_SECRET: "", LINE_CHANNEL_ACCESS_TOKEN: "", LINE_CHANNELS_FILE: bad }),
  ).rejects.toThrow(/tokyo.*千代田区/);
});

describe("readLineConfig", () => {
  const read = (env: Record<string, string>, text?: string) => readLineConfig(env, () => text ?? "");

  it("is off without settings, and reads the environment's channel with its scope and API base URL", () => {
    expect(read({})).toEqual([]);
    const [c] = read({
      LINE_CHANNEL_SECRET: "s",
      LINE_CHANNEL_ACCESS_TOKEN: "t",
      MADOGUCHI_MUNICIPALITY: "伊万里市",
      LINE_API_BASE_URL: "http://127.0.0.1:9/",
    });
    expect(c).toMatchObject({
      name: "default",
      path: "/webhooks/line",
      channel: "line",
      municipality: "伊万里市",
      apiBaseUrl: "http://127.0.0.1:9",
      loadingAfterMs: 800,
    });
  });

  it.each([
    [{ LINE_CHANNEL_SECRET: "s" }, undefined, "LINE_CHANNEL_ACCESS_TOKEN"],
    [{ LINE_CHANNEL_ACCESS_TOKEN: "t" }, undefined, "LINE_CHANNEL_SECRET"],
    [
      { LINE_CHANNEL_SECRET: "s", LINE_CHANNEL_ACCESS_TOKEN: "t", LINE_API_BASE_URL: "api.line.me" },
      undefined,
      "LINE_API_BASE_URL",
    ],
    [
      { LINE_CHANNEL_SECRET: "s", LINE_CHANNEL_ACCESS_TOKEN: "t", LINE_LOADING_AFTER_MS: "soon" },
      undefined,
      "LINE_LOADING_AFTER_MS",
    ],
    [{ LINE_CHANNELS_FILE: "x.yaml" }, "- name: Imari\n  channelSecret: s\n  channelAccessToken: t", "entry 0.name"],
    [{ LINE_CHANNELS_FILE: "x.yaml" }, "- name: a\n  channelAccessToken: t", "entry 0 (a): channelSecret: missing"],
    [
      { LINE_CHANNELS_FILE: "x.yaml" },
      "- name: a\n  channelSecretEnv: NOPE\n  channelAccessToken: t",
      "NOPE is not set",
    ],
    [
      { LINE_CHANNELS_FILE: "x.yaml" },
      "- name: a\n  channelSecret: s\n  channelAccessToken: t\n- name: a\n  channelSecret: s\n  channelAccessToken: t",
      "used twice",
    ],
    [
      { LINE_CHANNELS_FILE: "x.yaml" },
      "- name: a\n  channelSecret: s\n  channelAccessToken: t\n  secret: typo",
      "entry 0",
    ],
  ])("names what is wrong: %j", (env, text, expected) => {
    expect(() => read(env, text)).toThrow(LineConfigError);
    expect(() => read(env, text)).toThrow(expected);
  });
});
