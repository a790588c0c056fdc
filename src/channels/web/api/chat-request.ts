// The body of POST /api/chat: { session, text } or { session, action } (an action is what a suggestion
// button on a reply carries), optionally a municipality. Checked field by field; a bad body is a 400
// that names the field.
import { z } from "zod";
import { ActionSchema, MAX_ACTION_TEXT_CHARS } from "../../../dialogue/reply/action-schema.js";
import type { Action } from "../../../dialogue/reply/reply.js";
import { BadRequest } from "../../http/http-error.js";

/** A typed message may be as long as the text an action carries. */
export const MAX_CHAT_CHARS = MAX_ACTION_TEXT_CHARS;

const ChatBody = z.strictObject({
  session: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "must be 8 to 64 letters, digits, - or _"),
  text: z.string().optional(),
  action: ActionSchema.optional(),
  municipality: z.string().max(50).nullable().optional(),
});

export type ChatRequest =
  | { session: string; municipality: string | null; text: string }
  | { session: string; municipality: string | null; action: Action };

export function parseChatRequest(body: unknown): ChatRequest {
  const parsed = ChatBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join(".") || "body";
    const message = issue.code === "unrecognized_keys" ? `unknown field ${issue.keys.join(", ")}` : issue.message;
    throw new BadRequest(`${field}: ${message}`, "invalid_request");
  }
  const { session, text, action } = parsed.data;
  const municipality = parsed.data.municipality ?? null;
  if ((text === undefined) === (action === undefined))
    throw new BadRequest("give either text or action", "invalid_request");
  if (action) return { session, municipality, action };
  const trimmed = (text ?? "").trim();
  if (!trimmed) throw new BadRequest("text: must not be empty", "empty_text");
  if ([...trimmed].length > MAX_CHAT_CHARS)
    throw new BadRequest(`text: must be at most ${MAX_CHAT_CHARS} characters`, "text_too_long");
  return { session, municipality, text: trimmed };
}
