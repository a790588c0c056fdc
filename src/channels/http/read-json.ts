// Parses a JSON request body for the routes that want one (never for webhooks, which verify raw bytes).
import type { RouteRequest } from "./route.js";
import { BadRequest, InvalidJson, UnsupportedMediaType } from "./http-error.js";

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** `application/json` (any charset parameter that says UTF-8, or none) or a `+json` type. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type = "", ...params] = header
    .toLowerCase()
    .split(";")
    .map((s) => s.trim());
  if (type !== "application/json" && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) return false;
  const charset = params
    .find((p) => p.startsWith("charset="))
    ?.slice("charset=".length)
    .replace(/"/g, "");
  return charset === undefined || charset === "utf-8" || charset === "utf8";
}

/** 415 unless the body is declared JSON; 400 when it is not UTF-8 or not JSON. */
export function readJson(req: RouteRequest): unknown {
  if (!isJsonContentType(req.headers["content-type"])) throw new UnsupportedMediaType("application/json (UTF-8)");
  let text: string;
  try {
    text = UTF8.decode(req.body);
  } catch {
    throw new BadRequest("the request body is not valid UTF-8", "invalid_encoding");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InvalidJson(); // JSON.parse's message quotes the input: never pass it on
  }
}
