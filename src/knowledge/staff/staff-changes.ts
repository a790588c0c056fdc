// What staff do to the knowledge: propose an answer or a program fact (a draft, or published at once
// when review is off), approve a draft (a second, configured member of staff), send it back with a
// reason. Every step is checked here, not by the caller: the author cannot approve their own draft, a
// draft approved or sent back once cannot be approved again, and an entry that does not validate is
// refused whole, field by field. Used by the `madoguchi staff` commands and the Slack App Home alike.
import { join } from "node:path";
import type { KnowledgeBase } from "../knowledge-base.js";
import type { Faq } from "../schema.js";
import { withDirLock } from "./atomic-file.js";
import { newDraftId, type Draft } from "./draft.js";
import { DraftStore } from "./draft-store.js";
import { publishEntry, type Published } from "./publish-entry.js";
import { sameActor, type ReviewPolicy, type StaffActor } from "./review-policy.js";
import type { StaffFact } from "./staff-fact.js";
import { validateAnswer, validateFact, type FieldError } from "./validate-entry.js";
import { appendAudit } from "./audit-trail.js";
import { municipalityOfDepartment } from "./department-municipality.js";

export type Proposed =
  | { ok: true; status: "draft"; draft: Draft }
  | { ok: true; status: "published"; draft: Draft; published: Extract<Published, { ok: true }> }
  | { ok: false; errors: FieldError[] };

export type Decided =
  | { ok: true; draft: Draft; published?: Extract<Published, { ok: true }> }
  | { ok: false; reason: string };

export interface StaffChangesDeps {
  dir: string;
  policy: ReviewPolicy;
  /** The knowledge being served now (entries are validated against it). */
  knowledge: () => KnowledgeBase | Promise<KnowledgeBase>;
  now?: () => Date;
  /** The settings' environment (MADOGUCHI_STAFF_GIT). */
  env?: Readonly<Record<string, string | undefined>>;
  /** After an entry is published: reload, and tell the other replicas. */
  onPublished?: () => Promise<void> | void;
}

export class StaffChanges {
  readonly drafts: DraftStore;
  private readonly lockDir: string;

  constructor(private readonly deps: StaffChangesDeps) {
    this.drafts = new DraftStore(deps.dir);
    this.lockDir = join(deps.dir, "staff", ".lock");
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** An answer without a municipality belongs to the one whose programs name its department, if only one does. */
  async proposeAnswer(entry: Faq, author: StaffActor): Promise<Proposed> {
    const municipality = entry.municipality ?? municipalityOfDepartment(await this.deps.knowledge(), entry.department);
    return this.propose("answer", municipality ? { ...entry, municipality } : entry, author);
  }

  proposeFact(entry: StaffFact, author: StaffActor): Promise<Proposed> {
    return this.propose("fact", entry, author);
  }

  private async propose(kind: Draft["kind"], entry: unknown, author: StaffActor): Promise<Proposed> {
    const kb = await this.deps.knowledge();
    const valid = kind === "answer" ? validateAnswer(entry, kb) : validateFact(entry, kb);
    if (!valid.ok) return valid;
    const now = this.now();
    const draft = {
      id: newDraftId(kind, now),
      kind,
      status: "draft",
      createdBy: author.name,
      ...(author.slackId ? { authorId: author.slackId } : {}),
      createdAt: now.toISOString(),
      entry: valid.entry,
    } as Draft;
    if (!this.deps.policy.review) {
      const published = await this.publish(draft, undefined);
      return published.ok
        ? { ok: true, status: "published", draft, published }
        : { ok: false, errors: published.errors.map((message) => ({ field: "(knowledge)", message })) };
    }
    await this.drafts.save(draft);
    await appendAudit(this.deps.dir, {
      at: now.toISOString(),
      action: "draft",
      draft: draft.id,
      entry: valid.entry.id,
      by: author.name,
      after: valid.entry,
    });
    return { ok: true, status: "draft", draft };
  }

  async approve(id: string, approver: StaffActor): Promise<Decided> {
    return withDirLock(this.lockDir, async (): Promise<Decided> => {
      const draft = await this.drafts.get(id);
      const refusal = await this.refusal(draft, id, approver);
      if (refusal || !draft) return { ok: false, reason: refusal ?? `no draft ${id}` };
      const published = await this.publishLocked(draft, approver);
      if (!published.ok)
        return {
          ok: false,
          reason: `the change does not validate against the knowledge as it is now, so nothing was written:\n${published.errors.join("\n")}`,
        };
      await this.drafts.remove(id);
      return { ok: true, draft, published };
    }).then(async (r) => {
      if (r.ok) await this.deps.onPublished?.();
      return r;
    });
  }

  async reject(id: string, by: StaffActor, reason: string): Promise<Decided> {
    if (!reason.trim()) return { ok: false, reason: "a reason is required, so the author knows what to change" };
    return withDirLock(this.lockDir, async (): Promise<Decided> => {
      const draft = await this.drafts.get(id);
      const refusal = await this.refusal(draft, id, by);
      if (refusal || !draft) return { ok: false, reason: refusal ?? `no draft ${id}` };
      const at = this.now().toISOString();
      const rejected: Draft = {
        ...draft,
        status: "rejected",
        rejection: { by: by.name, ...(by.slackId ? { byId: by.slackId } : {}), reason: reason.trim(), at },
      };
      await this.drafts.save(rejected);
      await appendAudit(this.deps.dir, {
        at,
        action: "reject",
        draft: id,
        entry: draft.entry.id,
        by: by.name,
        reason: reason.trim(),
      });
      return { ok: true, draft: rejected };
    });
  }

  /** Why this person may not decide on this draft, or undefined when they may. */
  private async refusal(draft: Draft | undefined, id: string, actor: StaffActor): Promise<string | undefined> {
    if (!draft) return `no draft ${id} is waiting (it was already approved, or never made)`;
    if (draft.status !== "draft")
      return `draft ${id} was sent back by ${draft.rejection?.by ?? "a reviewer"} (${draft.rejection?.reason ?? ""}): it cannot be approved`;
    if (sameActor(actor, draft.createdBy, draft.authorId))
      return `${draft.createdBy} wrote draft ${id}: a second member of staff must approve it (two people for a change)`;
    if (!(await this.deps.policy.mayApprove(actor))) return `${actor.name} is not one of the configured approvers`;
    return undefined;
  }

  private async publish(draft: Draft, approver: StaffActor | undefined): Promise<Published> {
    const r = await withDirLock(this.lockDir, () => this.publishLocked(draft, approver));
    if (r.ok) await this.deps.onPublished?.();
    return r;
  }

  private publishLocked(draft: Draft, approver: StaffActor | undefined): Promise<Published> {
    const approvedBy = approver?.name;
    const base = { by: draft.createdBy, approvedBy, draft: draft.id, now: this.now(), env: this.deps.env };
    if (draft.kind === "answer") {
      const value: Faq = { ...draft.entry, source: { ...draft.entry.source!, ...(approvedBy ? { approvedBy } : {}) } };
      return publishEntry(this.deps.dir, { ...base, entry: { kind: "answer", value } });
    }
    const value: StaffFact = {
      ...draft.entry,
      source: { ...draft.entry.source, ...(approvedBy ? { approvedBy } : {}) },
    };
    return publishEntry(this.deps.dir, { ...base, entry: { kind: "fact", value } });
  }
}
