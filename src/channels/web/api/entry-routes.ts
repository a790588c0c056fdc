// GET /api/programs/:id and GET /api/faqs/:id: one entry with every field (its canonical JSON form), the
// source document it cites (title, date) and, for programs, whether its period has ended.
import type { KnowledgeBase } from "../../../knowledge/knowledge-base.js";
import {
  canonicalFaq,
  canonicalProgram,
  type CanonicalFaq,
  type CanonicalProgram,
} from "../../../knowledge/canonical.js";
import type { SourceDocument } from "../../../knowledge/schema.js";
import { periodNotice } from "../../../dialogue/answer/program-facts.js";
import { staffFactLines } from "../../../dialogue/answer/staff-facts.js";
import type { StaffFactLine } from "../../../dialogue/reply/reply.js";
import { periodEnded, warekiSpan } from "../../../dialogue/answer/period.js";
import { NotFound } from "../../http/http-error.js";
import { jsonResponse, type RouteHandler } from "../../http/route.js";
import type { KnowledgeSnapshot } from "../../channel-context.js";

export interface EntryRouteDeps {
  snapshot: () => KnowledgeSnapshot;
  now: () => Date;
}

export type ProgramDetail = CanonicalProgram & {
  prefecture: string | null;
  sourceDocument: Omit<SourceDocument, "file">;
  /** The fiscal years of the period in 和暦 (令和2年度～令和6年度), when the entry states them. */
  periodSpan: string | null;
  periodEnded: boolean;
  /** 「計画期間は令和6年度まで。…」 when the period has ended. */
  notice: string | null;
  /** Facts staff confirmed (amount, apply, contact, status), each with its own source line. */
  staffFacts: StaffFactLine[];
  knowledgeVersion: string;
};

export function programDetail(kb: KnowledgeBase, id: string, now: Date): ProgramDetail | undefined {
  const p = kb.program(id);
  if (!p) return undefined;
  const { file: _file, ...doc } = kb.sourceOf(p);
  return {
    ...canonicalProgram(p),
    prefecture: kb.municipality(p.municipality)?.prefecture ?? null,
    sourceDocument: doc,
    periodSpan: warekiSpan(p) ?? null,
    periodEnded: periodEnded(p, now),
    notice: periodNotice(p, now),
    staffFacts: staffFactLines(kb, p, now),
    knowledgeVersion: kb.version,
  };
}

export function programRoute(deps: EntryRouteDeps): RouteHandler {
  return (req) => {
    const { knowledge } = deps.snapshot();
    const detail = programDetail(knowledge, req.params["id"] ?? "", deps.now());
    if (!detail) throw new NotFound("no program has this id");
    return jsonResponse(200, detail);
  };
}

export function faqRoute(deps: EntryRouteDeps): RouteHandler {
  return (req) => {
    const { knowledge } = deps.snapshot();
    const faq = knowledge.faq(req.params["id"] ?? "");
    if (!faq) throw new NotFound("no FAQ entry has this id");
    const body: CanonicalFaq & { knowledgeVersion: string } = {
      ...canonicalFaq(faq),
      knowledgeVersion: knowledge.version,
    };
    return jsonResponse(200, body);
  };
}
