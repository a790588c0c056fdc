// The App Home's numbers, from the conversation engine's turn records (its `onTurn` observer), kept in the
// shared turn log (Redis with REDIS_URL: every replica's turns; else a file in the state directory), so
// they count every replica and survive a restart. Texts are masked by the engine. What a question became
// in the search is worked out when staff look, with the current index: after a synonym is added, it shows
// the effect. Unanswered questions are listed once: the same question, or one the search reads as the
// same words (a paraphrase), is one entry with how often it was asked.
import { randomUUID } from "node:crypto";
import type { TurnRecord } from "../../../dialogue/engine/turn-record.js";
import type { LoggedTurn, TurnLog } from "../../../dialogue/engine/turn-log.js";
import type { ProgramCount, StaffInsights, UnansweredQuestion, WeekSummary } from "./staff-insights.js";

export interface TurnInsightsOptions {
  /** What the search makes of a question (the concepts of SearchIndex.explain). */
  explain: (text: string) => string[];
  /** A program's name and municipality in the current knowledge (undefined once it is gone). */
  program: (id: string) => { name: string; municipality: string } | undefined;
  log: TurnLog;
  /** A turn that could not be stored (the count misses it; the resident was answered anyway). */
  onError?: (e: unknown) => void;
}

/** Turns that are not questions about programs: greetings, thanks, starting over. */
const NOT_QUESTIONS = new Set(["greeting", "thanks", "reset", "help"]);

export class TurnInsights implements StaffInsights {
  constructor(private readonly options: TurnInsightsOptions) {}

  /** The engine's observer: `engine.onTurn(insights.record)`. */
  readonly record = (turn: TurnRecord): void => {
    const isAction = turn.text.startsWith("[action:");
    const kept: LoggedTurn = {
      id: `t${randomUUID().slice(0, 13)}`,
      at: Date.parse(turn.time),
      channel: turn.channel.split("/")[0] ?? turn.channel,
      source: turn.channel,
      user: turn.user,
      ...(turn.messageId ? { messageId: turn.messageId } : {}),
      text: turn.text,
      question: !isAction && !NOT_QUESTIONS.has(turn.intent),
      noMatch: turn.noMatch,
      programIds: turn.programIds,
    };
    this.options.log.append(kept).catch((e: unknown) => this.options.onError?.(e));
  };

  /** The person withdrew the message (LINE unsend): its turn goes from every count and list. */
  readonly forget = (message: { channel: string; user: string; messageId: string }): void => {
    this.options.log
      .forget({ source: message.channel, user: message.user, messageId: message.messageId })
      .catch((e: unknown) => this.options.onError?.(e));
  };

  async summary(since: number): Promise<WeekSummary> {
    const recent = (await this.options.log.recent()).filter((t) => t.at >= since);
    const questions = recent.filter((t) => t.question);
    const byChannel = new Map<string, number>();
    for (const q of questions) byChannel.set(q.channel, (byChannel.get(q.channel) ?? 0) + 1);
    const unanswered = await this.groups(questions.filter((q) => q.noMatch));
    return {
      since,
      questions: questions.length,
      noMatch: questions.filter((q) => q.noMatch).length,
      unansweredGroups: unanswered.length,
      byChannel: [...byChannel].sort((a, b) => b[1] - a[1]).map(([channel, n]) => ({ channel, questions: n })),
      topPrograms: this.topPrograms(recent),
    };
  }

  async unanswered(limit: number): Promise<UnansweredQuestion[]> {
    const turns = (await this.options.log.recent()).filter((t) => t.question && t.noMatch);
    return (await this.groups(turns)).slice(0, limit);
  }

  async question(id: string): Promise<UnansweredQuestion | undefined> {
    const t = (await this.options.log.recent()).find((x) => x.id === id);
    return t && this.asQuestion(t, 1);
  }

  async dismiss(id: string): Promise<boolean> {
    const turns = await this.options.log.recent();
    const target = turns.find((t) => t.id === id);
    if (!target) return false;
    // 「対象外」 takes the whole group off the list: every wording of the same question
    const key = this.groupKey(target);
    let changed = false;
    for (const t of turns)
      if (t.question && t.noMatch && this.groupKey(t) === key)
        changed = (await this.options.log.dismiss(t.id)) || changed;
    return changed;
  }

  /** Unanswered questions not dismissed, one per group, newest first, with how often each was asked. */
  private async groups(turns: LoggedTurn[]): Promise<UnansweredQuestion[]> {
    const dismissed = await this.options.log.dismissed();
    const groups = new Map<string, { newest: LoggedTurn; count: number }>();
    for (const t of turns) {
      if (dismissed.has(t.id)) continue;
      const key = this.groupKey(t);
      const g = groups.get(key);
      if (!g) groups.set(key, { newest: t, count: 1 });
      else {
        g.count++;
        if (t.at >= g.newest.at) g.newest = t;
      }
    }
    return [...groups.values()]
      .sort((a, b) => b.newest.at - a.newest.at)
      .map((g) => this.asQuestion(g.newest, g.count));
  }

  /** The search's reading of the question (its concepts, in any order), or its text when it has none. */
  private groupKey(t: LoggedTurn): string {
    const concepts = this.options.explain(t.text);
    return concepts.length > 0
      ? `c:${[...new Set(concepts)].sort().join("|")}`
      : `t:${t.text.normalize("NFKC").replace(/[\s。、？?！!]/g, "")}`;
  }

  private asQuestion(t: LoggedTurn, count: number): UnansweredQuestion {
    return { id: t.id, at: t.at, channel: t.channel, text: t.text, terms: this.options.explain(t.text), count };
  }

  private topPrograms(turns: LoggedTurn[]): ProgramCount[] {
    const counts = new Map<string, number>();
    for (const t of turns) for (const id of new Set(t.programIds)) counts.set(id, (counts.get(id) ?? 0) + 1);
    const out: ProgramCount[] = [];
    for (const [id, count] of [...counts].sort((a, b) => b[1] - a[1])) {
      const p = this.options.program(id);
      if (p) out.push({ id, name: p.name, municipality: p.municipality, count });
      if (out.length === 10) break;
    }
    return out;
  }
}
