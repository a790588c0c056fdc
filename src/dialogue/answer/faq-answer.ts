// An FAQ entry that answers the question: its answer as written, its department, where it came from.
import type { Faq } from "../../knowledge/schema.js";
import { reply, type Reply } from "../reply/reply.js";

export function faqAnswer(f: Faq): Reply {
  const lines = [`【よくある質問】${f.question}`, f.answer];
  if (f.department) lines.push(`担当: ${f.department}`);
  lines.push(`出典: ${f.municipality ?? ""}よくある質問${f.url ? `（${f.url}）` : ""}`);
  return reply("find", lines.join("\n"));
}
