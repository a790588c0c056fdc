// Errors a route can throw, each named after the failure and carrying its HTTP status. They are turned
// into the JSON error body in one place (respond.ts). Messages are fixed texts or name fields, never
// echo what the client sent.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export class BadRequest extends HttpError {
  constructor(message: string, code = "bad_request") {
    super(400, code, message);
  }
}

export class InvalidJson extends HttpError {
  constructor() {
    super(400, "invalid_json", "the request body is not valid JSON");
  }
}

export class NotFound extends HttpError {
  constructor(message = "not found") {
    super(404, "not_found", message);
  }
}

export class MethodNotAllowed extends HttpError {
  constructor(allowed: readonly string[]) {
    super(405, "method_not_allowed", `method not allowed (allowed: ${allowed.join(", ")})`, {
      allow: allowed.join(", "),
    });
  }
}

export class PayloadTooLarge extends HttpError {
  constructor(limit: number) {
    super(413, "payload_too_large", `the request body is larger than ${limit} bytes`, { connection: "close" });
  }
}

export class UnsupportedMediaType extends HttpError {
  constructor(expected: string) {
    super(415, "unsupported_media_type", `the request body must be ${expected}`);
  }
}

export class TooManyRequests extends HttpError {
  constructor(retryAfterSeconds: number) {
    super(429, "too_many_requests", "too many requests, try again later", {
      "retry-after": String(Math.max(1, Math.ceil(retryAfterSeconds))),
    });
  }
}
