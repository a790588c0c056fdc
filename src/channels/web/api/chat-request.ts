// The body of POST /api/chat: { session, text } or { session, action } (an action is what a suggestion
// button on a reply carries), optionally a municipality. Checked field by field; a bad body is a 400
// that names the field.
import { z } from "zod";
import { ASPECTS } from "../../../dialogue/intents/intent-schema.js";
import type { Action } from "../../../dialogue/reply/reply.js";
import { BadRequest } from "../../../server/http/http-error.js";

export const MAX_CHAT_CHARS = 1000;

const id = z.string().min(1).max(200);
const ActionSchema = z.union([
  z.strictObject({ kind: z.literal("aspect"), programId: id, aspect: z.enum(ASPECTS) }),
  z.strictObject({ kind: z.literal("select"), programId: id }),
  z.strictObject({ kind: z.literal("category"), category: id }),
  z.strictObject({ kind: z.literal("text"), text: z.string().trim().min(1).max(MAX_CHAT_CHARS) }),
  z.strictObject({ kind: z.literal("back") }),
  z.strictObject({ kind: z.literal("reset") }),
  z.strictObject({ kind: z.literal("handoff") }),
  z.strictObject({ kind: z.literal("check"), op: z.enum(["start", "back", "quit", "resume", "result"]) }),
  z.strictObject({ kind: z.literal("check"), op: z.literal("answer"), step: id, option: id }),
  z.strictObject({ kind: z.literal("check"), op: z.literal("edit"), step: id }),
]);

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
  if ((text === undefined) === (action === undefined)) throw new BadRequest("give either text or action", "invalid_request");
  if (action) return { session, municipality, action: action as Action };
  const trimmed = (text ?? "").trim();
  if (!trimmed) throw new BadRequest("text: must not be empty", "empty_text");
  if ([...trimmed].length > MAX_CHAT_CHARS) throw new BadRequest(`text: must be at most ${MAX_CHAT_CHARS} characters`, "text_too_long");
  return { session, municipality, text: trimmed };
}
