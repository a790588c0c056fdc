// The seam LINE and Slack use: a ChannelMount adds a route that receives the raw body (so it can check
// a signature over the exact bytes), the server caps bodies at 1 MiB for it, and /healthz lists it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import type { ChannelMount } from "../../src/server/channel-mount.js";
import { readServerConfig } from "../../src/config/server-config.js";
import { startServer, type RunningServer } from "../../src/server/start-server.js";
import { jsonResponse } from "../../src/channels/http/route.js";
import { captureLogs } from "./support/log-capture.js";

const SECRET = "test-channel-secret";
const sign = (body: Buffer) => createHmac("sha256", SECRET).update(body).digest("base64");

/** A minimal signed-webhook channel, configured by SIGNED_HOOK_SECRET like the real ones. */
const signedHook: ChannelMount = {
  name: "signed-hook",
  offHint: "set SIGNED_HOOK_SECRET",
  async mount(ctx) {
    const secret = ctx.config.env["SIGNED_HOOK_SECRET"];
    if (!secret) return null;
    ctx.routes.add("POST", "/webhooks/signed/:name", (req) => {
      if (req.headers["x-signature"] !== createHmac("sha256", secret).update(req.body).digest("base64")) return jsonResponse(401, { message: "invalid signature" });
      const events = (JSON.parse(req.body.toString("utf8")) as { events: unknown[] }).events;
      return jsonResponse(200, { name: req.params["name"], events: events.length });
    });
    return { summary: ["signed hook: POST /webhooks/signed/:name"], close: async () => undefined };
  },
};

let server: RunningServer;
beforeAll(async () => {
  const config = readServerConfig({ PORT: "0", MADOGUCHI_WATCH: "off", SIGNED_HOOK_SECRET: SECRET });
  server = await startServer({ config, logDestination: captureLogs().destination, mounts: [signedHook, { ...signedHook, name: "unconfigured", offHint: "set NOTHING", mount: async () => null }] });
});
afterAll(async () => { await server.close(); });

describe("channel mounts", () => {
  it("hand the route the raw bytes: a signature over an escaped emoji checks out", async () => {
    const body = Buffer.from('{"events":[{"text":"\\uD83E\\uDD28"}]}');
    const res = await fetch(`${server.url}/webhooks/signed/iizuka`, { method: "POST", body, headers: { "x-signature": sign(body), "content-type": "application/json" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: "iizuka", events: 1 });
    const forged = await fetch(`${server.url}/webhooks/signed/iizuka`, { method: "POST", body, headers: { "x-signature": sign(Buffer.from("other")) } });
    expect(forged.status).toBe(401);
  });

  it("get the server's 1 MiB cap before their handler runs", async () => {
    const body = Buffer.alloc(1024 * 1024 + 1, 0x20);
    const res = await fetch(`${server.url}/webhooks/signed/iizuka`, { method: "POST", body, headers: { "x-signature": sign(body) } });
    expect(res.status).toBe(413);
  });

  it("are listed when mounted and explained when off", async () => {
    expect(server.channels.names).toEqual(["web", "signed-hook"]);
    expect(server.channels.summary).toEqual(["signed hook: POST /webhooks/signed/:name"]);
    expect(server.channels.off).toEqual([{ name: "unconfigured", hint: "set NOTHING" }]);
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as { channels: string[] };
    expect(health.channels).toEqual(["web", "signed-hook"]);
  });
});
