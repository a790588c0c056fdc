// `madoguchi chat`: a conversation in the terminal. Replies are printed as plain text; typing a
// suggestion's label exactly (「金額」「戻る」) presses that button. /reset starts over, /quit ends.
import { createInterface } from "node:readline";
import type { ConversationEngine } from "../../dialogue/engine/conversation-engine.js";
import type { EngineInput } from "../../dialogue/engine/conversation-engine.js";
import type { Reply } from "../../dialogue/reply/reply.js";
import { renderPlainText } from "../../dialogue/reply/render-plain-text.js";

export interface ChatOptions {
  municipality: string | null;
  input: NodeJS.ReadableStream;
  write: (text: string) => void;
  /** Show a prompt (a terminal); off when the input is piped. */
  prompt: boolean;
}

const USER = "terminal";
const CHANNEL = "cli-chat";

export async function runChat(engine: ConversationEngine, o: ChatOptions): Promise<void> {
  const lines = createInterface({ input: o.input, crlfDelay: Infinity });
  let last: Reply | undefined;
  const prompt = () => o.prompt && o.write("\nあなた> ");
  o.write("Madoguchi: 支援制度についてご質問をどうぞ（/reset で最初から、/quit で終了）。\n");
  prompt();
  for await (const raw of lines) {
    const text = raw.trim();
    if (text === "/quit" || text === "/exit") break;
    if (text === "") {
      prompt();
      continue;
    }
    const base = { user: USER, channel: CHANNEL, municipality: o.municipality };
    const pressed = last?.suggestions.find((s) => s.label === text);
    const input: EngineInput =
      text === "/reset"
        ? { ...base, action: { kind: "reset" } }
        : pressed
          ? { ...base, action: pressed.action }
          : { ...base, text };
    last = await engine.respond(input);
    o.write(`\n${renderPlainText(last)}\n`);
    prompt();
  }
  lines.close();
}
