// The conversation engine: one reply per message or button, from the knowledge only. It reads the
// knowledge and index through a getter once per turn (a reload swaps both at once), keeps each person's
// session in a SessionStore, and reports every turn to an optional observer with the text masked.
import type { JapaneseTokenizer } from "../../text/tokenizer.js";
import type { DialogueData } from "../intents/load-dialogue-data.js";
import { IntentClassifier } from "../intents/intent-classifier.js";
import { fillerKeys, questionFillerKeys } from "../intents/topic-words.js";
import type { Action, Reply } from "../reply/reply.js";
import { InMemorySessionStore } from "../session/in-memory-session-store.js";
import type { SessionStore } from "../session/session-store.js";
import { newSession } from "../session/session.js";
import { helpAnswer, resetAnswer } from "../answer/small-talk.js";
import { PassageReader } from "../answer/passage-match.js";
import { OptionWords } from "../check/option-words.js";
import type { KnowledgeSnapshot } from "./engine-deps.js";
import { analyse, examplesOf, scopeOf, type EngineParts, type Turn } from "./turn.js";
import { textTurn } from "./text-turn.js";
import { actionTurn } from "./action-turn.js";
import { exampleQuestions, type ExampleQuestions } from "./example-questions.js";
import { turnRecord, type TurnObserver, type TurnRecord } from "./turn-record.js";
import { forgetQuestion, noteRecentQuestion } from "./recent-questions.js";
import { sessionKey } from "../session/session-key.js";

interface InputBase {
  user: string;
  channel: string;
  /** The deployment's municipality (a city's own account); null serves every municipality. */
  municipality: string | null;
  /** The channel's id of the message (LINE): kept with the turn, so a withdrawn message can be forgotten. */
  messageId?: string;
}
export type EngineInput = (InputBase & { text: string }) | (InputBase & { action: Action });

export interface ConversationEngineOptions {
  snapshot: () => KnowledgeSnapshot;
  data: DialogueData;
  tokenizer: JapaneseTokenizer;
  sessions?: SessionStore;
  now?: () => Date;
  onTurn?: TurnObserver;
  /**
   * Whether a member of staff can take over a conversation on this channel (a staff desk is configured
   * and the channel can carry its replies). Without it no reply offers or promises a handoff.
   */
  staffReachable?: (channel: string) => boolean;
}

/** Longer messages are cut: nobody asks about a program in more, and the tokenizer's cost grows with it. */
export const MAX_MESSAGE_CHARS = 400;

export class UnknownMunicipalityError extends Error {
  constructor(readonly municipality: string) {
    super(`unknown municipality "${municipality}" (not in knowledge/municipalities.yaml)`);
    this.name = "UnknownMunicipalityError";
  }
}

export class ConversationEngine {
  private readonly parts: EngineParts;
  private readonly sessions: SessionStore;
  private readonly now: () => Date;

  constructor(private readonly options: ConversationEngineOptions) {
    const fillers = fillerKeys(options.data.fillers);
    const classifier = new IntentClassifier(options.data.intents, options.tokenizer, fillers);
    const passages = new PassageReader(options.tokenizer);
    const questionFillers = questionFillerKeys(options.data.fillers);
    const optionWords = new OptionWords(options.tokenizer);
    this.parts = {
      data: options.data,
      classifier,
      tokenizer: options.tokenizer,
      fillers,
      questionFillers,
      passages,
      optionWords,
    };
    this.sessions = options.sessions ?? new InMemorySessionStore();
    this.now = options.now ?? (() => new Date());
  }

  async respond(input: EngineInput): Promise<Reply> {
    const { knowledge: kb, index } = this.options.snapshot();
    const deployment = input.municipality === null ? null : (kb.resolveMunicipality(input.municipality) ?? null);
    if (input.municipality !== null && !deployment) throw new UnknownMunicipalityError(input.municipality);
    const key = sessionKey(input.channel, input.user);
    const session = (await this.sessions.get(key)) ?? newSession();
    const now = this.now();
    const staffReachable = this.options.staffReachable?.(input.channel) ?? false;
    const turn: Turn = { parts: this.parts, kb, index, session, deployment, now, staffReachable };
    const answered = this.answer(turn, input);
    const r = noteRecentQuestion(
      turn.session,
      typedText(input),
      input.messageId,
      staffReachable ? answered : withoutHandoffOffer(answered),
    );
    if (r.intent === "reset") await this.sessions.delete(key);
    else await this.sessions.set(key, turn.session);
    const text = "text" in input ? input.text : undefined;
    this.report(
      turnRecord(
        {
          user: input.user,
          channel: input.channel,
          text,
          actionKind: "action" in input ? input.action.kind : undefined,
          messageId: input.messageId,
        },
        r,
        now,
      ),
    );
    return r;
  }

  /** The example questions a greeting outside the conversation (LINE's follow message) should suggest. */
  exampleQuestions(municipality: string | null): ExampleQuestions {
    const { knowledge, index } = this.options.snapshot();
    const scope = municipality === null ? null : (knowledge.resolveMunicipality(municipality) ?? null);
    return exampleQuestions(knowledge, index, scope, this.options.data.lifeEvents);
  }

  /** The person withdrew a message (LINE unsend): drop its text from their session. */
  async forgetMessage(ref: { user: string; channel: string; messageId: string }): Promise<void> {
    const key = sessionKey(ref.channel, ref.user);
    const session = await this.sessions.get(key);
    if (session && forgetQuestion(session, ref.messageId)) await this.sessions.set(key, session);
  }

  /** The person left (LINE unfollow): forget their conversation. */
  async forgetConversation(ref: { user: string; channel: string }): Promise<void> {
    await this.sessions.delete(sessionKey(ref.channel, ref.user));
  }

  /** An observer that fails must not cost the person their answer (observers log their own errors). */
  private report(record: TurnRecord): void {
    try {
      this.options.onTurn?.(record);
    } catch {
      // the reply stands; statistics miss one turn
    }
  }

  /** A typed message (or a button that sends words) is analysed here, once; the turn reads that value. */
  private answer(turn: Turn, input: EngineInput): Reply {
    if ("action" in input) {
      const action = input.action;
      if (action.kind === "text") return textTurn(turn, analyse(turn, action.text.slice(0, MAX_MESSAGE_CHARS)));
      if (action.kind === "reset") return resetAnswer(turn.kb, turn.deployment);
      return actionTurn(turn, action);
    }
    const text = input.text.slice(0, MAX_MESSAGE_CHARS);
    return text.trim() === ""
      ? helpAnswer(turn.kb, scopeOf(turn), turn.staffReachable, examplesOf(turn))
      : textTurn(turn, analyse(turn, text));
  }
}

/** Where nobody can take over, no button offers it (the handoff answer itself then names whom to call). */
function withoutHandoffOffer(r: Reply): Reply {
  if (!r.suggestions.some((s) => s.action.kind === "handoff")) return r;
  return { ...r, suggestions: r.suggestions.filter((s) => s.action.kind !== "handoff") };
}

/** What the person typed this turn (a message, or a suggestion that sends words), as the engine reads it. */
function typedText(input: EngineInput): string | undefined {
  if ("text" in input) return input.text.slice(0, MAX_MESSAGE_CHARS);
  return input.action.kind === "text" ? input.action.text.slice(0, MAX_MESSAGE_CHARS) : undefined;
}
