// Who may approve staff drafts in Slack: the user ids in SLACK_STAFF_APPROVERS and the members of the user
// group SLACK_STAFF_APPROVER_GROUP (usergroups.users.list, cached for a minute). Checked on the server for
// the user who pressed the button — never taken from the view, so a forged or replayed action cannot pass.
// With neither set, nobody can approve in Slack (review stays on; approve with `madoguchi staff approve`).
import type { webApi } from "@slack/bolt";

type Env = Readonly<Record<string, string | undefined>>;

export interface ApproverConfig {
  ids: ReadonlySet<string>;
  group: string | undefined;
}

export function readApproverConfig(env: Env): ApproverConfig {
  const ids = new Set(
    (env["SLACK_STAFF_APPROVERS"] ?? "")
      .split(/[,\s]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  );
  return { ids, group: env["SLACK_STAFF_APPROVER_GROUP"]?.trim() || undefined };
}

const GROUP_CACHE_MS = 60_000;

export class SlackApprovers {
  private cached: { at: number; members: Set<string> } | undefined;

  constructor(
    private readonly config: ApproverConfig,
    private readonly client: webApi.WebClient,
    private readonly now: () => number = Date.now,
  ) {}

  get configured(): boolean {
    return this.config.ids.size > 0 || this.config.group !== undefined;
  }

  async mayApprove(userId: string | undefined): Promise<boolean> {
    if (!userId) return false;
    if (this.config.ids.has(userId)) return true;
    if (!this.config.group) return false;
    return (await this.groupMembers()).has(userId);
  }

  private async groupMembers(): Promise<Set<string>> {
    if (this.cached && this.now() - this.cached.at < GROUP_CACHE_MS) return this.cached.members;
    const r = await this.client.usergroups.users.list({ usergroup: this.config.group! }).catch(() => undefined);
    const members = new Set(r?.users ?? []);
    this.cached = { at: this.now(), members };
    return members;
  }
}
