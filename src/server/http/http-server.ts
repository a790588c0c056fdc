// The node:http server around the request pipeline, with listen/close as promises.
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { createRequestListener, type PipelineDeps } from "./request-listener.js";

export interface HttpServer {
  server: Server;
  /** Resolves with the bound address (port 0 → the port the system chose). */
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops accepting connections, lets requests in flight finish, closes idle keep-alive sockets. */
  close(): Promise<void>;
}

export function createHttpServer(deps: PipelineDeps): HttpServer {
  const server = createServer(
    { requestTimeout: 30_000, headersTimeout: 20_000, keepAliveTimeout: 5_000 },
    createRequestListener(deps),
  );
  server.on("clientError", (err: Error & { code?: string }, socket: Socket) => {
    // Unparseable HTTP (bad request line, oversized headers): answer and close, log only the code.
    deps.logger.warn({ code: err.code ?? "unknown" }, "malformed HTTP request");
    if (socket.writable) {
      const status = err.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
      socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
    } else {
      socket.destroy();
    }
  });
  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve(server.address() as AddressInfo);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
