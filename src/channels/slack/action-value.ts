// Button values carry an engine Action as JSON (Slack allows 2,000 characters). What comes back is
// checked by the engine's ActionSchema before the engine sees it: an old button or a hand-made payload
// decodes to undefined, never to a guess.
import { z } from "zod";
import type { Action } from "../../dialogue/reply/reply.js";
import { decodeActionJson } from "../../dialogue/reply/action-schema.js";
import { LIMITS } from "./block-limits.js";

/** The button value for `action`, or undefined when it would not fit. */
export function encodeAction(action: Action): string | undefined {
  const value = JSON.stringify(action);
  return value.length <= LIMITS.buttonValue ? value : undefined;
}

export function decodeAction(value: string | undefined): Action | undefined {
  return decodeActionJson(value);
}

/** What a lookup was: the words and the municipality filter, carried by share and filter controls. */
export interface LookupState {
  q: string;
  m?: string;
}

const LookupStateSchema = z.strictObject({ q: z.string().min(1).max(500), m: z.string().min(1).max(100).optional() });

export function encodeLookup(state: LookupState, max: number = LIMITS.buttonValue): string | undefined {
  const value = JSON.stringify(state);
  return value.length <= max ? value : undefined;
}

export function decodeLookup(value: string | undefined): LookupState | undefined {
  if (!value) return undefined;
  try {
    const parsed = LookupStateSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
