// The person's last few typed questions, masked, kept in the session so that staff who take over a
// conversation (a handoff) see what the person actually asked, not only 「職員と話したい」. Small talk is
// not kept; the list is cleared once it has been handed over, and a withdrawn message (LINE unsend) leaves it.
import { maskPersonalData } from "../../text/mask-personal-data.js";
import type { IntentId } from "../intents/intent-schema.js";
import type { Reply } from "../reply/reply.js";
import type { Session } from "../session/session.js";

export const RECENT_QUESTIONS_KEPT = 3;

const NOT_QUESTIONS: ReadonlySet<IntentId> = new Set(["greeting", "thanks", "help", "handoff", "reset"]);

/**
 * After a turn: a handoff reply carries the questions asked before it (and the session forgets them);
 * any other reply to typed text adds that text, masked, to the session's recent questions.
 */
export function noteRecentQuestion(
  session: Session,
  typed: string | undefined,
  messageId: string | undefined,
  r: Reply,
): Reply {
  const earlier = session.recentQuestions ?? [];
  if (r.handoff) {
    session.recentQuestions = [];
    return earlier.length > 0 ? { ...r, earlier: earlier.map((q) => q.text) } : r;
  }
  if (typed !== undefined && typed.trim() !== "" && !NOT_QUESTIONS.has(r.intent)) {
    const asked = { text: maskPersonalData(typed.trim()), ...(messageId ? { messageId } : {}) };
    session.recentQuestions = [...earlier, asked].slice(-RECENT_QUESTIONS_KEPT);
  }
  return r;
}

/**
 * Drops a withdrawn message from the session; true when something was dropped. The last search query may
 * have come from it, so that goes too (it only lets 「伊万里市は？」 repeat the last search).
 */
export function forgetQuestion(session: Session, messageId: string): boolean {
  const kept = session.recentQuestions ?? [];
  const left = kept.filter((q) => q.messageId !== messageId);
  if (left.length === kept.length) return false;
  session.recentQuestions = left;
  session.lastQuery = null;
  return true;
}
