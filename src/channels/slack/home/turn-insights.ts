// The App Home's numbers, kept from the conversation engine's turn records (its `onTurn` observer) in one
// process's memory: the latest turns up to `capacity`, texts already masked by the engine. A restart
// starts the counts again (a shared store is issue #8's business). What a question became in the search
// is worked out when staff look, with the current index: after a synonym is added, it shows the effect.
import type { TurnRecord } from "../../../dialogue/engine/turn-record.js";
import type { ProgramCount, StaffInsights, UnansweredQuestion, WeekSummary } from "./staff-insights.js";

interface KeptTurn {
  id: string;
  at: number;
  /** The channel as shown ("line"); `source` is the engine's channel name ("line/imari") for forgetting. */
  channel: string;
  source: string;
  user: string;
  messageId: string | undefined;
  text: string;
  question: boolean;
  noMatch: boolean;
  programIds: string[];
}

export interface TurnInsightsOptions {
  /** What the search makes of a question (the concepts of SearchIndex.explain). */
  explain: (text: string) => string[];
  /** A program's name and municipality in the current knowledge (undefined once it is gone). */
  program: (id: string) => { name: string; municipality: string } | undefined;
  capacity?: number;
}

/** Turns that are not questions about programs: greetings, thanks, starting over. */
const NOT_QUESTIONS = new Set(["greeting", "thanks", "reset", "help"]);

export class TurnInsights implements StaffInsights {
  private readonly turns: KeptTurn[] = [];
  private readonly dismissed = new Set<string>();
  private seq = 0;

  constructor(private readonly options: TurnInsightsOptions) {}

  /** The engine's observer: `engine.onTurn(insights.record)`. */
  readonly record = (turn: TurnRecord): void => {
    const isAction = turn.text.startsWith("[action:");
    this.turns.push({
      id: `t${++this.seq}`,
      at: Date.parse(turn.time),
      channel: turn.channel.split("/")[0] ?? turn.channel,
      source: turn.channel,
      user: turn.user,
      messageId: turn.messageId,
      text: turn.text,
      question: !isAction && !NOT_QUESTIONS.has(turn.intent),
      noMatch: turn.noMatch,
      programIds: turn.programIds,
    });
    const capacity = this.options.capacity ?? 20_000;
    if (this.turns.length > capacity) this.turns.splice(0, this.turns.length - capacity);
  };

  /** The person withdrew the message (LINE unsend): its turn goes from every count and list. */
  readonly forget = (message: { channel: string; user: string; messageId: string }): void => {
    const i = this.turns.findIndex((t) => t.messageId === message.messageId && t.source === message.channel && t.user === message.user);
    if (i >= 0) this.turns.splice(i, 1);
  };

  async summary(since: number): Promise<WeekSummary> {
    const recent = this.turns.filter((t) => t.at >= since);
    const questions = recent.filter((t) => t.question);
    const byChannel = new Map<string, number>();
    for (const q of questions) byChannel.set(q.channel, (byChannel.get(q.channel) ?? 0) + 1);
    return {
      since,
      questions: questions.length,
      noMatch: questions.filter((q) => q.noMatch).length,
      byChannel: [...byChannel].sort((a, b) => b[1] - a[1]).map(([channel, n]) => ({ channel, questions: n })),
      topPrograms: this.topPrograms(recent),
    };
  }

  async unanswered(limit: number): Promise<UnansweredQuestion[]> {
    const out: UnansweredQuestion[] = [];
    for (let i = this.turns.length - 1; i >= 0 && out.length < limit; i--) {
      const t = this.turns[i]!;
      if (t.question && t.noMatch && !this.dismissed.has(t.id)) out.push(this.asQuestion(t));
    }
    return out;
  }

  async question(id: string): Promise<UnansweredQuestion | undefined> {
    const t = this.turns.find((x) => x.id === id);
    return t && this.asQuestion(t);
  }

  async dismiss(id: string): Promise<boolean> {
    if (!this.turns.some((t) => t.id === id) || this.dismissed.has(id)) return false;
    this.dismissed.add(id);
    return true;
  }

  private asQuestion(t: KeptTurn): UnansweredQuestion {
    return { id: t.id, at: t.at, channel: t.channel, text: t.text, terms: this.options.explain(t.text) };
  }

  private topPrograms(turns: KeptTurn[]): ProgramCount[] {
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
