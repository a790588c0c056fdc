// A staff member's lookup: the words (and municipality filter) go to the conversation engine, the Reply
// comes back as Block Kit. Shared by the slash command, mentions, DMs and the buttons on answers.
import { randomBytes } from "node:crypto";
import type { Action, Reply } from "../../dialogue/reply/reply.js";
import type { LookupState } from "./action-value.js";
import { answerMessage, type AnswerOptions } from "./render/answer-message.js";
import { denseReply } from "./render/dense-reply.js";
import { plain, type SlackMessage } from "./render/block-types.js";
import type { SlackDeps } from "./slack-deps.js";

export const SLACK_CHANNEL = "slack";

const FAILED = "申し訳ありません。いま答えを用意できませんでした。少し時間をおいて、もう一度お試しください。";

export class SlackLookup {
  constructor(
    private readonly deps: SlackDeps,
    private readonly command: string,
  ) {}

  /**
   * Answers words typed by a staff member. A `standalone` lookup (the slash command, share, the filter)
   * is a first question with no conversation behind it, so the same words always give the same answer;
   * mentions and DMs are conversations, where a follow-up refers to the previous answer.
   */
  async words(
    who: StaffMember,
    state: LookupState,
    options: Omit<AnswerOptions, "lookup" | "municipalities"> & { standalone?: boolean } = {},
  ): Promise<SlackMessage> {
    const { standalone, ...rest } = options;
    const user = standalone ? `${userKey(who)}:lookup:${randomBytes(6).toString("hex")}` : userKey(who);
    const started = performance.now();
    const reply = await this.deps.engine.respond({
      user,
      channel: SLACK_CHANNEL,
      municipality: state.m ?? null,
      text: state.q,
    });
    this.deps.onAnswer?.(reply, (performance.now() - started) / 1000);
    return answerMessage(this.dense(reply), {
      ...rest,
      lookup: state,
      municipalities: this.deps.knowledge().municipalities.map((m) => m.name),
    });
  }

  /** Answers a button (details, a choice from a list, a suggestion). */
  async action(who: StaffMember, action: Action): Promise<SlackMessage> {
    const reply = await this.deps.engine.respond({
      user: userKey(who),
      channel: SLACK_CHANNEL,
      municipality: null,
      action,
    });
    return answerMessage(this.dense(reply));
  }

  private dense(reply: Reply): Reply {
    return denseReply(reply, this.deps.knowledge(), new Date(this.deps.now?.() ?? Date.now()));
  }

  /** What the slash command shows when it is given no words. */
  usage(): SlackMessage {
    const text = `使い方: ${this.command} 調べたいことば（例: ${this.command} 児童手当 伊万里、${this.command} 移住 住宅 補助）。答えはあなたにだけ表示され、「チャンネルに共有」で共有できます。`;
    return { text, blocks: [{ type: "section", text: plain(text) }] };
  }

  failed(error: unknown): SlackMessage {
    this.deps.log.error({ err: error }, "slack: lookup failed");
    return { text: FAILED, blocks: [{ type: "section", text: plain(FAILED) }] };
  }
}

export interface StaffMember {
  team: string | undefined;
  user: string;
}

/** The engine's session key for a staff member: one conversation per person per workspace. */
function userKey(who: StaffMember): string {
  return `slack:${who.team ?? "-"}:${who.user}`;
}
