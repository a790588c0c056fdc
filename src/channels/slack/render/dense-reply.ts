// Staff want dense answers: where the engine offers a numbered list of programs to choose from (the way a
// resident on LINE picks one), Slack shows every listed program as a full card at once. The cards come
// from the knowledge entries through the engine's own programCard, so no fact is made up here.
import type { KnowledgeBase } from "../../../knowledge/knowledge-base.js";
import { programCard } from "../../../dialogue/answer/program-facts.js";
import type { ProgramCard, Reply } from "../../../dialogue/reply/reply.js";

export function denseReply(reply: Reply, kb: KnowledgeBase, now: Date): Reply {
  if (reply.cards.length > 0 || reply.list.length === 0) return reply;
  const cards: ProgramCard[] = [];
  for (const item of reply.list) {
    const program = item.programId ? kb.program(item.programId) : undefined;
    if (!program) return reply; // a list of something else (categories, answers): keep it as a list
    cards.push(programCard(kb, program, now));
  }
  const shown = new Set(cards.map((c) => c.id));
  const suggestions = reply.suggestions.filter((s) => !(s.action.kind === "select" && shown.has(s.action.programId)));
  return { ...reply, cards, list: [], suggestions };
}
