// Who may approve staff changes, and whether changes need approval at all (the two-person rule).
//   MADOGUCHI_STAFF_REVIEW     on (default) | off: off publishes a change as soon as it is submitted
//   MADOGUCHI_STAFF_APPROVERS  the names allowed to approve from the command line, comma-separated,
//                              or * (default): anyone but the author
// Slack has its own list of user ids or a user group (see channels/slack/staff/staff-approvers.ts).
export interface StaffActor {
  /** As recorded in the source and the audit trail: a name, or a Slack display name. */
  name: string;
  /** The Slack user id, when the action came from Slack (checked by the server, never taken from a view). */
  slackId?: string;
}

export interface ReviewPolicy {
  review: boolean;
  /** Whether this actor is a configured approver (the author check is separate). */
  mayApprove(actor: StaffActor): Promise<boolean> | boolean;
}

export function sameActor(a: StaffActor, authorName: string, authorId: string | undefined): boolean {
  if (a.slackId && authorId) return a.slackId === authorId;
  return normalizeName(a.name) === normalizeName(authorName);
}

export function normalizeName(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

export type Env = Readonly<Record<string, string | undefined>>;

export function reviewFromEnv(env: Env): boolean {
  const v = env["MADOGUCHI_STAFF_REVIEW"]?.trim().toLowerCase();
  if (v === undefined || v === "") return true;
  if (["0", "off", "false", "no"].includes(v)) return false;
  if (["1", "on", "true", "yes"].includes(v)) return true;
  throw new Error(`MADOGUCHI_STAFF_REVIEW: must be on or off (got "${v}")`);
}

/** The command line's policy: a list of names, or anyone but the author. */
export function cliReviewPolicy(env: Env): ReviewPolicy {
  const raw = env["MADOGUCHI_STAFF_APPROVERS"]?.trim() || "*";
  const names = raw === "*" ? undefined : new Set(raw.split(",").map(normalizeName).filter(Boolean));
  return { review: reviewFromEnv(env), mayApprove: (a) => names === undefined || names.has(normalizeName(a.name)) };
}
