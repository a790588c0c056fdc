// The one check of an Action that comes back from outside: a LINE postback, a Slack button value, the web
// page's chat request. Such data is untrusted (an old button, a hand-made request), so every field is
// checked and anything unexpected is refused, never guessed at.
import { z } from "zod";
import { ASPECTS } from "../intents/intent-schema.js";
import type { Action } from "./reply.js";

/** The longest text an action may carry: the same cap as a typed chat message. */
export const MAX_ACTION_TEXT_CHARS = 1000;

const id = z.string().min(1).max(200);

// A plain union, not a discriminated one: "check" has three shapes, and zod refuses a discriminated union
// with a repeated discriminator value (it throws on the first parse).
export const ActionSchema: z.ZodType<Action> = z.union([
  z.strictObject({ kind: z.literal("aspect"), programId: id, aspect: z.enum(ASPECTS) }),
  z.strictObject({ kind: z.literal("select"), programId: id }),
  z.strictObject({ kind: z.literal("category"), category: id }),
  z.strictObject({ kind: z.literal("text"), text: z.string().trim().min(1).max(MAX_ACTION_TEXT_CHARS) }),
  z.strictObject({ kind: z.literal("back") }),
  z.strictObject({ kind: z.literal("reset") }),
  z.strictObject({ kind: z.literal("handoff") }),
  z.strictObject({ kind: z.literal("check"), op: z.enum(["start", "back", "quit", "resume", "result"]) }),
  z.strictObject({ kind: z.literal("check"), op: z.literal("answer"), step: id, option: id }),
  z.strictObject({ kind: z.literal("check"), op: z.literal("edit"), step: id }),
]);

/** The Action carried as JSON text (a postback's data, a button's value); undefined when it is not one. */
export function decodeActionJson(json: string | undefined): Action | undefined {
  if (!json) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  const parsed = ActionSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
