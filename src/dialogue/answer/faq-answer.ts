// An FAQ entry that answers the question: its answer as written, its department, where it came from.
// An answer a member of staff gave names them, their department and the day they confirmed it.
import type { Faq } from "../../knowledge/schema.js";
import { staffCitation } from "../../knowledge/staff/staff-source.js";
import { reply, type Reply } from "../reply/reply.js";

export function faqAnswer(f: Faq): Reply {
  const lines = [`【よくある質問】${f.question}`, f.answer];
  if (f.department) lines.push(`担当: ${f.department}`);
  lines.push(faqSourceLine(f));
  return reply("find", lines.join("\n"));
}

/** 「出典: 市職員の回答（子育て支援課 山田 確認 2026-12-01）」, or the FAQ list it came from. */
export function faqSourceLine(f: Faq): string {
  const url = f.source?.url ?? f.url;
  if (f.source?.kind === "staff") return `出典: 職員の回答（${staffCitation(f.source)}）${url ? ` ${url}` : ""}`;
  return `出典: ${f.municipality ?? ""}よくある質問${url ? `（${url}）` : ""}`;
}
