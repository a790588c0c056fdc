// `madoguchi converse --json`: one JSON object per input line, one reply per line, in order.
//   in:  {"user": "u1", "text": "...", "municipality": "飯塚市" | null}
//   out: {"user": "u1", "text": "<the reply as plain text>", "programs": [{"id", "municipality", "name"}]}
// Turns of the same user form one conversation; "municipality" is the deployment's scope. A line that
// is not such an object is answered with {"error": "..."} in its place, and the run goes on.
import { createInterface } from "node:readline";
import type { ConversationEngine } from "../../dialogue/engine/conversation-engine.js";
import { renderPlainText } from "../../dialogue/reply/render-plain-text.js";

export interface ConverseLine {
  user: string;
  text: string;
  municipality: string | null;
}

export function parseConverseLine(line: string): ConverseLine | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: "not JSON" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { error: "not a JSON object" };
  const { user, text, municipality } = value as Record<string, unknown>;
  if (typeof user !== "string" || user === "") return { error: `"user" must be a non-empty string` };
  if (typeof text !== "string") return { error: `"text" must be a string` };
  if (municipality !== undefined && municipality !== null && typeof municipality !== "string")
    return { error: `"municipality" must be a string or null` };
  return { user, text, municipality: municipality ?? null };
}

/** Answers every line of `input`, writing each reply line as it is ready. Returns the count of bad lines. */
export async function converseLines(
  engine: ConversationEngine,
  input: NodeJS.ReadableStream,
  write: (line: string) => void,
  channel = "cli",
): Promise<number> {
  let bad = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line.trim() === "") continue;
    const parsed = parseConverseLine(line);
    if ("error" in parsed) {
      bad++;
      write(JSON.stringify({ error: parsed.error }));
      continue;
    }
    try {
      const r = await engine.respond({
        user: parsed.user,
        channel,
        municipality: parsed.municipality,
        text: parsed.text,
      });
      write(
        JSON.stringify({
          user: parsed.user,
          text: renderPlainText(r),
          programs: r.programs.map(({ id, municipality, name }) => ({ id, municipality, name })),
        }),
      );
    } catch (e) {
      bad++;
      write(JSON.stringify({ user: parsed.user, error: (e as Error).message }));
    }
  }
  return bad;
}
