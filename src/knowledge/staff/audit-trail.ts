// The audit trail of staff changes: who, when, what, before and after. Every change is appended as one
// JSON line to knowledge/staff/audit.jsonl (append-only; not a knowledge file, so never served), and when
// the knowledge directory is in a git repository the change is also committed there with the member of
// staff as the author, so `git log --author` and `git show` tell the story with the diff.
import { appendFile, mkdir, realpath } from "node:fs/promises";
import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const AUDIT_FILE = "staff/audit.jsonl";

export interface AuditRecord {
  at: string;
  action: "draft" | "approve" | "reject" | "publish";
  draft?: string;
  /** The knowledge entry (FAQ id or fact id) and the file it is written in, relative to the directory. */
  entry?: string;
  file?: string;
  /** The author of the change and, on approval, the approver. */
  by: string;
  approvedBy?: string;
  reason?: string;
  /** The entry before (null: it is new) and after (null: removed) the change. */
  before?: unknown;
  after?: unknown;
}

export async function appendAudit(dir: string, record: AuditRecord): Promise<void> {
  const file = join(dir, AUDIT_FILE);
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(record)}\n`, "utf8");
}

/**
 * Whether to commit changes to `dir`'s git history. MADOGUCHI_STAFF_GIT: "auto" (default) when the knowledge
 * directory is the top of its own git repository (a knowledge repo), "on" whenever it is inside a work tree
 * (e.g. knowledge/ in the project's repository), "off" never; the audit log is written in every case.
 */
export async function inGitRepo(dir: string, env: Readonly<Record<string, string | undefined>> = {}): Promise<boolean> {
  const mode = env["MADOGUCHI_STAFF_GIT"]?.trim().toLowerCase() || "auto";
  if (mode === "off") return false;
  const top = await run("git", ["-C", dir, "rev-parse", "--show-toplevel"]).then(
    (r) => r.stdout.trim(),
    () => undefined,
  );
  if (!top) return false;
  if (mode === "on") return true;
  const [a, b] = await Promise.all([realpath(top).catch(() => top), realpath(dir).catch(() => dir)]);
  return a === b;
}

export interface CommitRequest {
  /** Paths relative to `dir` that the change wrote (only these are committed; other edits stay as they are). */
  paths: string[];
  author: string;
  message: string;
}

/** Commits the paths with the staff member as author; the committer is the bot. Returns the commit hash. */
export async function commitChange(dir: string, c: CommitRequest): Promise<string> {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: c.author,
    GIT_AUTHOR_EMAIL: "staff@madoguchi.invalid",
    GIT_COMMITTER_NAME: "madoguchi",
    GIT_COMMITTER_EMAIL: "bot@madoguchi.invalid",
  };
  await run("git", ["-C", dir, "add", "--", ...c.paths], { env });
  await run("git", ["-C", dir, "commit", "--quiet", "--no-verify", "-m", c.message, "--", ...c.paths], { env });
  return (await run("git", ["-C", dir, "rev-parse", "HEAD"], { env })).stdout.trim();
}
