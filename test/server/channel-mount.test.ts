// The seam every channel uses: a channel factory returns a route that receives the raw body (so it can
// check a signature over the exact bytes), the server caps bodies at 1 MiB for it, and /healthz lists it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import type { ChannelFactory } from "../../src/channels/channel-context.js";
import { webChannel } from "../../src/channels/web/index.js";
import { readServerConfig } from "../../src/config/server-config.js";
import { startServer, type RunningServer } from "../../src/server/start-server.js";
import { jsonResponse, type RouteRequest } from "../../src/channels/http/route.js";
import { captureLogs } from "./support/log-capture.js";

const SECRET = "test-channel-secret";
const sign = (body: Buffer) => createHmac("sha256", SECRET).update(body).digest("base64");

/** A minimal signed-webhook channel, configured by SIGNED_HOOK_SECRET like the real ones. */
const signedHook: ChannelFactory = async (ctx) => {
  const secret = ctx.env["SIGNED_HOOK_SECRET"];
  if (!secret) return { name: "signed-hook", off: "set SIGNED_HOOK_SECRET" };
  const handler = (req: RouteRequest) => {
    if (req.headers["x-signature"] !== createHmac("sha256", secret).update(req.body).digest("base64"))
      return jsonResponse(401, { message: "invalid signature" });
    const events = (JSON.parse(req.body.toString("utf8")) as { events: unknown[] }).events;
    return jsonResponse(200, { name: req.params["name"], events: events.length });
  };
  return {
    name: "signed-hook",
    routes: [{ method: "POST", pattern: "/webhooks/signed/:name", handler }],
    summary: ["signed hook: POST /webhooks/signed/:name"],
  };
};
const unconfigured: ChannelFactory = async () => ({ name: "unconfigured", off: "set NOTHING" });

let server: RunningServer;
beforeAll(async () => {
  const config = readServerConfig({ PORT: "0", MADOGUCHI_WATCH: "off", SIGNED_HOOK_SECRET: SECRET });
  server = await startServer({
    config,
    logDestination: captureLogs().destination,
    channels: [webChannel, signedHook, unconfigured],
  });
});
afterAll(async () => {
  await server.close();
});

describe("channel factories", () => {
  it("hand the route the raw bytes: a signature over an escaped emoji checks out", async () => {
    const body = Buffer.from('{"events":[{"text":"\\uD83E\\uDD28"}]}');
    const res = await server.request(`/webhooks/signed/iizuka`, {
      method: "POST",
      body,
      headers: { "x-signature": sign(body), "content-type": "application/json" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: "iizuka", events: 1 });
    const forged = await server.request(`/webhooks/signed/iizuka`, {
      method: "POST",
      body,
      headers: { "x-signature": sign(Buffer.from("other")) },
    });
    expect(forged.status).toBe(401);
  });

  it("get the server's 1 MiB cap before their handler runs", async () => {
    const body = Buffer.alloc(1024 * 1024 + 1, 0x20);
    const res = await server.request(`/webhooks/signed/iizuka`, {
      method: "POST",
      body,
      headers: { "x-signature": sign(body) },
    });
    expect(res.status).toBe(413);
  });

  it("are listed when mounted and explained when off", async () => {
    expect(server.channels.names).toEqual(["web", "signed-hook"]);
    expect(server.channels.summary).toEqual(["signed hook: POST /webhooks/signed/:name"]);
    expect(server.channels.off).toEqual([{ name: "unconfigured", hint: "set NOTHING" }]);
    const health = (await (await server.request(`/healthz`)).json()) as { channels: string[] };
    expect(health.channels).toEqual(["web", "signed-hook"]);
  });
});
