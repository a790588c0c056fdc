// Turns anything a handler threw into a JSON error response: HttpErrors keep their status and fixed
// message; anything else is a 500 that says nothing about the inside (the log has the details).
import { jsonResponse, type RouteResponse } from "../../channels/http/route.js";
import { HttpError } from "../../channels/http/http-error.js";

export interface ErrorBody {
  error: { code: string; message: string; status: number };
}

export function errorResponse(e: unknown): RouteResponse {
  if (e instanceof HttpError) {
    const body: ErrorBody = { error: { code: e.code, message: e.message, status: e.status } };
    return jsonResponse(e.status, body, e.headers);
  }
  const body: ErrorBody = { error: { code: "internal_error", message: "internal server error", status: 500 } };
  return jsonResponse(500, body);
}
