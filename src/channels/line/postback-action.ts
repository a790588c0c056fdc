// Postback data on LINE buttons carries an engine Action as compact JSON (LINE allows 300 characters).
// What comes back is checked by the engine's ActionSchema: an old button or a hand-made request decodes
// to undefined, never to a guess.
import type { Action } from "../../dialogue/reply/reply.js";
import { decodeActionJson } from "../../dialogue/reply/action-schema.js";
import { LINE_LIMITS } from "./line-limits.js";

/** The postback data for `action`, or undefined when it would not fit LINE's 300-character limit. */
export function encodePostbackAction(action: Action): string | undefined {
  const data = JSON.stringify(action);
  return data.length <= LINE_LIMITS.postbackDataUnits ? data : undefined;
}

export function decodePostbackAction(data: string): Action | undefined {
  return decodeActionJson(data);
}
