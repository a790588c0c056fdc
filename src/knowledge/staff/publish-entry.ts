// Writes an approved entry into the knowledge: an answer as its own file under staff/faq/, a fact into
// its program's file under staff/facts/ (replacing the earlier fact of the same field). The new file is
// renamed into place whole; then the whole knowledge is loaded again, and if it does not load the old
// content is put back and the change refused with the reasons: nothing broken or half-written is served.
// The audit trail (and git, when the directory is a repository) records before and after.
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { loadKnowledge } from "../load.js";
import { formatProblem } from "../problems.js";
import type { Faq } from "../schema.js";
import { StaffFactsFile, type StaffFact } from "./staff-fact.js";
import { STAFF_FACTS_DIR, STAFF_FAQ_DIR } from "./staff-check.js";
import { writeFileAtomic } from "./atomic-file.js";
import { AUDIT_FILE, appendAudit, commitChange, inGitRepo, type AuditRecord } from "./audit-trail.js";

export type Published =
  | { ok: true; file: string; before: unknown; after: unknown; commit?: string }
  | { ok: false; errors: string[] };

export interface PublishRequest {
  entry: { kind: "answer"; value: Faq } | { kind: "fact"; value: StaffFact };
  /** The author, and the approver (absent when review is off). */
  by: string;
  approvedBy?: string;
  draft?: string;
  now: Date;
  /** MADOGUCHI_STAFF_GIT (see audit-trail.ts). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Call holding the staff lock (StaffChanges does): the read-modify-write of a facts file must not interleave. */
export async function publishEntry(dir: string, req: PublishRequest): Promise<Published> {
  const { rel, content, before } = await nextContent(dir, req);
  const path = join(dir, rel);
  const previous = await readFile(path, "utf8").catch(() => undefined);
  await writeFileAtomic(path, content);
  const { problems } = await loadKnowledge(dir);
  if (problems.length > 0) {
    if (previous === undefined) await rm(path, { force: true });
    else await writeFileAtomic(path, previous);
    return { ok: false, errors: problems.map(formatProblem) };
  }
  const after = req.entry.value;
  const record: AuditRecord = {
    at: req.now.toISOString(),
    action: req.approvedBy ? "approve" : "publish",
    draft: req.draft,
    entry: req.entry.value.id,
    file: rel,
    by: req.by,
    approvedBy: req.approvedBy,
    before,
    after,
  };
  await appendAudit(dir, record);
  const commit = (await inGitRepo(dir, req.env))
    ? await commitChange(dir, { paths: [rel, AUDIT_FILE], author: req.by, message: commitMessage(record) })
    : undefined;
  return { ok: true, file: rel, before, after, commit };
}

async function nextContent(
  dir: string,
  req: PublishRequest,
): Promise<{ rel: string; content: string; before: unknown }> {
  if (req.entry.kind === "answer") {
    const rel = `${STAFF_FAQ_DIR}/${req.entry.value.id}.yaml`;
    return { rel, content: `${HEADER}${stringify([req.entry.value], { lineWidth: 0 })}`, before: null };
  }
  const fact = req.entry.value;
  const rel = `${STAFF_FACTS_DIR}/${fact.program}.yaml`;
  const existing = await readFile(join(dir, rel), "utf8").then(
    (t) => StaffFactsFile.parse(parse(t) ?? []),
    () => [] as StaffFact[],
  );
  const before = existing.find((f) => f.field === fact.field) ?? null;
  const facts = [...existing.filter((f) => f.field !== fact.field), fact];
  return { rel, content: `${HEADER}${stringify(facts, { lineWidth: 0 })}`, before };
}

const HEADER =
  "# Written by `madoguchi staff` / the Slack App Home on approval. Edit through them so the audit trail stays whole.\n";

function commitMessage(r: AuditRecord): string {
  const what = r.file?.startsWith(STAFF_FAQ_DIR) ? "answer" : "program fact";
  const title = `staff: ${what} ${r.entry} by ${r.by}${r.approvedBy ? `, approved by ${r.approvedBy}` : ""}`;
  return `${title}\n\nbefore: ${JSON.stringify(r.before)}\nafter: ${JSON.stringify(r.after)}\n${r.draft ? `draft: ${r.draft}\n` : ""}`;
}
