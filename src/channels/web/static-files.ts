// The page's files (src/channels/web/public: HTML, CSS, JS, icons), read into memory once when the
// routes are registered: a small fixed set, so a request can only ever get one of them (no path from
// the URL reaches the file system). Served with an ETag; the browser revalidates each time, so a new
// version shows at once.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { NotFound } from "../http/http-error.js";
import type { RouteHandler, RouteResponse } from "../http/route.js";

/** src/channels/web/ and dist/channels/web/ are both three levels under the package root. */
export const PUBLIC_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "..",
  "src",
  "channels",
  "web",
  "public",
);

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
}

export class StaticFiles {
  private readonly files = new Map<string, StaticFile>();

  constructor(dir: string = PUBLIC_DIR) {
    for (const path of listFiles(dir)) {
      const type = CONTENT_TYPES[extname(path).toLowerCase()];
      if (!type) continue;
      const body = readFileSync(path);
      const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
      this.files.set(relative(dir, path).split(sep).join("/"), { body, type, etag });
    }
    if (!this.files.has("index.html")) throw new Error(`the web page is missing: no index.html in ${dir}`);
  }

  names(): string[] {
    return [...this.files.keys()].sort();
  }

  /** A handler serving one fixed file (the page at `/`). */
  file(name: string): RouteHandler {
    return (req) => this.respond(name, req.headers["if-none-match"]);
  }

  /** A handler for `/static/*file`. */
  handler(): RouteHandler {
    return (req) => this.respond(req.params["file"] ?? "", req.headers["if-none-match"]);
  }

  private respond(name: string, ifNoneMatch: string | undefined): RouteResponse {
    const file = this.files.get(name);
    if (!file) throw new NotFound("no such file");
    const headers = { "content-type": file.type, etag: file.etag, "cache-control": "no-cache" };
    if (ifNoneMatch === file.etag) return { status: 304, headers };
    return { status: 200, headers, body: file.body };
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.name.startsWith(".")) return [];
    return e.isDirectory() ? listFiles(path) : [path];
  });
}
