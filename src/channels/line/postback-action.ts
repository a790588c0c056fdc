// Postback data on LINE buttons carries an engine Action as compact JSON (LINE allows 300 characters).
// Data coming back is untrusted (an old button, a hand-made request): it is checked field by field and
// anything unexpected decodes to undefined, never to a guess.
import type { Action } from "../../dialogue/reply/reply.js";
import { ASPECTS } from "../../dialogue/intents/intent-schema.js";
import { LINE_LIMITS } from "./line-limits.js";

/** The postback data for `action`, or undefined when it would not fit LINE's 300-character limit. */
export function encodePostbackAction(action: Action): string | undefined {
  const data = JSON.stringify(action);
  return data.length <= LINE_LIMITS.postbackDataUnits ? data : undefined;
}

export function decodePostbackAction(data: string): Action | undefined {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  return isAction(value as Record<string, unknown>) ? (value as Action) : undefined;
}

const str = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= 200;
const CHECK_OPS = ["start", "back", "quit", "resume", "result"];

function isAction(a: Record<string, unknown>): boolean {
  switch (a["kind"]) {
    case "aspect":
      return str(a["programId"]) && (ASPECTS as readonly unknown[]).includes(a["aspect"]);
    case "select":
      return str(a["programId"]);
    case "category":
      return str(a["category"]);
    case "text":
      return str(a["text"]);
    case "back":
    case "reset":
    case "handoff":
      return true;
    case "check":
      if (a["op"] === "answer") return str(a["step"]) && str(a["option"]);
      if (a["op"] === "edit") return str(a["step"]);
      return CHECK_OPS.includes(a["op"] as string);
    default:
      return false;
  }
}
