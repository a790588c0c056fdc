// Starts the real server (knowledge, index, engine, web routes) on 127.0.0.1 with an ephemeral port and
// its log lines captured. Tests talk to it in-process (server.request: the same pipeline, no socket).
import { readServerConfig } from "../../../src/config/server-config.js";
import { startServer, type RunningServer } from "../../../src/server/start-server.js";
import { webChannel } from "../../../src/channels/web/index.js";
import { captureLogs, type LogCapture } from "./log-capture.js";

export interface TestServer {
  server: RunningServer;
  url: string;
  logs: LogCapture;
  /** Answers in this process (no socket), through the same pipeline as HTTP. */
  request(path: string, init?: RequestInit): Promise<Response>;
  get(path: string): Promise<Response>;
  getJson<T = Record<string, unknown>>(path: string): Promise<{ status: number; body: T; response: Response }>;
  postJson<T = Record<string, unknown>>(
    path: string,
    body: unknown,
  ): Promise<{ status: number; body: T; response: Response }>;
  close(): Promise<void>;
}

export async function startTestServer(
  env: Record<string, string> = {},
  options: { reloadOnSighup?: boolean } = {},
): Promise<TestServer> {
  const logs = captureLogs();
  const config = readServerConfig({ PORT: "0", HOST: "127.0.0.1", MADOGUCHI_WATCH: "off", LOG_LEVEL: "info", ...env });
  const server = await startServer({
    config,
    logDestination: logs.destination,
    channels: [webChannel],
    reloadOnSighup: options.reloadOnSighup,
  });
  const url = server.url;
  const parse = async <T>(response: Response) => ({
    status: response.status,
    body: (await response.json()) as T,
    response,
  });
  return {
    server,
    url,
    logs,
    request: (path, init) => server.request(path, init),
    get: (path) => server.request(path),
    getJson: async (path) => parse(await server.request(path)),
    postJson: async (path, body) =>
      parse(
        await server.request(path, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
      ),
    close: () => server.close(),
  };
}

/**
 * A pause, for polling loops that measure how soon something happens and for showing that something did
 * NOT happen within a debounce. To wait for something that will happen, wait on it instead:
 * `server.idle()`, `logs.next(match)`, the fakes' `waitFor`.
 */
export function settle(ms = 30): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
