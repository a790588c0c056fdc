// Who the bot is (its user and bot ids, from auth.test), looked up once and cached. Bolt's own single-token
// set-up caches a failed lookup forever, or repeats it on every event; this retries only after a failure.
// The ids let Bolt ignore the bot's own messages and let us strip the bot's mention from a question.
import type { AuthorizeResult, webApi } from "@slack/bolt";

export class BotIdentity {
  private pending: Promise<AuthorizeResult> | undefined;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly botToken: string,
  ) {}

  /** Bolt's `authorize`: the token plus the ids once known. */
  readonly authorize = async (): Promise<AuthorizeResult> => {
    this.pending ??= this.lookUp();
    return this.pending;
  };

  private async lookUp(): Promise<AuthorizeResult> {
    try {
      const r = await this.client.auth.test({ token: this.botToken });
      return { botToken: this.botToken, botId: r.bot_id, botUserId: r.user_id, teamId: r.team_id };
    } catch (e) {
      this.pending = undefined;
      throw e;
    }
  }
}
