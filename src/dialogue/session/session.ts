// What the engine remembers about one person between turns. Plain JSON (strings, numbers, arrays,
// objects, null), so a shared store can keep it as it is (Redis, #8). Message text is kept only masked.
import type { Aspect } from "../intents/intent-schema.js";

export interface CheckState {
  /** Option ids chosen at each step id. */
  answers: Record<string, string[]>;
  /** The step being asked, or null when the check has shown its result. */
  asking: string | null;
  /** Set when the person asked something else mid-check: the check waits to be resumed. */
  paused: boolean;
}

export interface RecentQuestion {
  /** Masked. */
  text: string;
  /** The channel's id of the message (LINE), so a withdrawn message can be dropped. */
  messageId?: string;
}

export interface Session {
  /** The program the conversation is about: 「いくら？」 is answered for it. */
  focus: string | null;
  /** Program ids of the last numbered list, in order (「2番目」 picks from it; 「一覧に戻る」 shows it). */
  list: string[];
  /** An aspect asked while a list was showing: the next 「2番」 answers it for that program. */
  pendingAspect: Aspect | null;
  /** A municipality the person named (「伊万里市の…」) when the deployment serves several. */
  municipality: string | null;
  /** The last question searched, masked: asked again when the person then names a municipality. */
  lastQuery: string | null;
  /**
   * The person's last few typed questions, masked, oldest first: handed to staff with a handoff. Optional
   * so sessions stored before it existed still read.
   */
  recentQuestions?: RecentQuestion[];
  check: CheckState | null;
}

export function newSession(): Session {
  return { focus: null, list: [], pendingAspect: null, municipality: null, lastQuery: null, check: null };
}
