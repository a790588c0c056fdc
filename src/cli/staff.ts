// `madoguchi staff …`: staff add answers and program facts with their own citation, and a second member
// of staff approves or sends them back (see docs/staff.md). The same checks as the Slack App Home:
// StaffChanges refuses self-approval, unknown approvers and entries that do not validate.
import type { Command, CliIo } from "./command.js";
import { UsageError } from "./command.js";
import { parseCommandArgs } from "./args.js";
import { resolveKnowledgeDir } from "../config/server-config.js";
import { loadKnowledgeOrThrow } from "../knowledge/load.js";
import { formatProblem, KnowledgeError } from "../knowledge/problems.js";
import { StaffChanges, type Proposed } from "../knowledge/staff/staff-changes.js";
import { cliReviewPolicy } from "../knowledge/staff/review-policy.js";
import { answerEntry, factEntry } from "../knowledge/staff/new-entries.js";
import { formatFieldErrors } from "../knowledge/staff/validate-entry.js";
import { FACT_FIELDS, type FactField } from "../knowledge/staff/staff-fact.js";
import { publishKnowledgeNotice } from "../shared-state/knowledge-notice.js";

const USAGE = [
  "madoguchi staff add-answer --question Q [--question Q2 …] --answer A --department D --by NAME [--municipality M] [--url U] [--valid-until YYYY-MM-DD] [--knowledge DIR]",
  "madoguchi staff add-fact PROGRAM_ID --field amount|apply|contact|status --value V --by NAME --department D [--url U] [--date YYYY-MM-DD] [--knowledge DIR]",
  "madoguchi staff approve ID --by NAME [--knowledge DIR]",
  "madoguchi staff reject ID --by NAME --reason R [--knowledge DIR]",
  "madoguchi staff drafts [--knowledge DIR]",
  "  env: MADOGUCHI_STAFF_REVIEW=on|off (default on), MADOGUCHI_STAFF_APPROVERS=name,name|* (default *: anyone but the author)",
].join("\n  ");

export const staffCommand: Command = {
  summary: "staff answers and program facts: add (a draft), approve / reject (a second member of staff), drafts",
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    const run = sub ? SUBCOMMANDS[sub] : undefined;
    if (!run) throw new UsageError(sub ? `unknown staff command "${sub}"` : "which staff command?");
    try {
      return await run(rest, io);
    } catch (e) {
      if (!(e instanceof KnowledgeError)) throw e;
      for (const p of e.problems) io.stderr.write(`${formatProblem(p)}\n`);
      io.stderr.write("madoguchi staff: the knowledge has problems; fix them first (madoguchi check)\n");
      return 1;
    }
  },
};

type Sub = (args: string[], io: CliIo) => Promise<number>;

const common = { knowledge: { type: "string" }, by: { type: "string" } } as const;

function changes(dir: string, io: CliIo): StaffChanges {
  return new StaffChanges({
    dir,
    policy: cliReviewPolicy(io.env),
    knowledge: () => loadKnowledgeOrThrow(dir),
    env: io.env,
    onPublished: async () => {
      if (await publishKnowledgeNotice(io.env)) io.stderr.write("told the other replicas to reload (Redis)\n");
    },
  });
}

function required(v: string | undefined, name: string): string {
  if (!v?.trim()) throw new UsageError(`--${name} is required`);
  return v;
}

const SUBCOMMANDS: Record<string, Sub> = {
  "add-answer": async (args, io) => {
    const { values } = parseCommandArgs(args, {
      ...common,
      question: { type: "string", multiple: true },
      answer: { type: "string" },
      department: { type: "string" },
      municipality: { type: "string" },
      url: { type: "string" },
      "valid-until": { type: "string" },
    });
    if (!values.question?.length) throw new UsageError("--question is required (repeat it for other wordings)");
    const by = required(values.by, "by");
    const dir = resolveKnowledgeDir(values.knowledge, io.env);
    const entry = answerEntry({
      questions: values.question,
      answer: required(values.answer, "answer"),
      department: required(values.department, "department"),
      by,
      municipality: values.municipality ?? io.env["MADOGUCHI_MUNICIPALITY"],
      url: values.url,
      validUntil: values["valid-until"],
      now: new Date(),
    });
    return report(await changes(dir, io).proposeAnswer(entry, { name: by }), io);
  },
  "add-fact": async (args, io) => {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        ...common,
        field: { type: "string" },
        value: { type: "string" },
        department: { type: "string" },
        url: { type: "string" },
        date: { type: "string" },
      },
      true,
    );
    const program = positionals[0];
    if (!program || positionals.length > 1) throw new UsageError("give exactly one PROGRAM_ID (see madoguchi list)");
    const field = required(values.field, "field");
    if (!(FACT_FIELDS as readonly string[]).includes(field))
      throw new UsageError(`--field must be one of ${FACT_FIELDS.join(", ")}`);
    const by = required(values.by, "by");
    const dir = resolveKnowledgeDir(values.knowledge, io.env);
    const entry = factEntry({
      program,
      field: field as FactField,
      value: required(values.value, "value"),
      department: required(values.department, "department"),
      by,
      url: values.url,
      date: values.date,
      now: new Date(),
    });
    return report(await changes(dir, io).proposeFact(entry, { name: by }), io);
  },
  approve: async (args, io) => {
    const { values, positionals } = parseCommandArgs(args, common, true);
    const id = positionals[0];
    if (!id) throw new UsageError("give the draft's ID (madoguchi staff drafts lists them)");
    const r = await changes(resolveKnowledgeDir(values.knowledge, io.env), io).approve(id, {
      name: required(values.by, "by"),
    });
    if (!r.ok) return refuse(r.reason, io);
    io.stdout.write(
      `approved ${id}: wrote ${r.published!.file}${r.published!.commit ? ` (git commit ${r.published!.commit.slice(0, 10)})` : " (audit: staff/audit.jsonl)"}\n${r.draft.entry.id}\n`,
    );
    return 0;
  },
  reject: async (args, io) => {
    const { values, positionals } = parseCommandArgs(args, { ...common, reason: { type: "string" } }, true);
    const id = positionals[0];
    if (!id) throw new UsageError("give the draft's ID");
    const r = await changes(resolveKnowledgeDir(values.knowledge, io.env), io).reject(
      id,
      { name: required(values.by, "by") },
      required(values.reason, "reason"),
    );
    if (!r.ok) return refuse(r.reason, io);
    io.stdout.write(`sent back ${id} to ${r.draft.createdBy}: ${r.draft.rejection?.reason}\n`);
    return 0;
  },
  drafts: async (args, io) => {
    const { values } = parseCommandArgs(args, { knowledge: { type: "string" } });
    const drafts = await changes(resolveKnowledgeDir(values.knowledge, io.env), io).drafts.list();
    for (const d of drafts) {
      const what =
        d.kind === "answer"
          ? `Q: ${d.entry.question} → ${d.entry.answer}`
          : `${d.entry.program} ${d.entry.field}: ${d.entry.value}`;
      io.stdout.write(
        `${d.id}\t${d.status}\t${d.createdBy}\t${what}${d.rejection ? `\t(差し戻し: ${d.rejection.reason})` : ""}\n`,
      );
    }
    return 0;
  },
};

function report(r: Proposed, io: CliIo): number {
  if (!r.ok) {
    io.stderr.write(`${formatFieldErrors(r.errors)}\nmadoguchi staff: refused: nothing was written\n`);
    return 1;
  }
  if (r.status === "published") {
    io.stdout.write(`published ${r.draft.entry.id} (review is off): wrote ${r.published.file}\n${r.draft.entry.id}\n`);
    return 0;
  }
  io.stdout.write(
    `draft saved, waiting for a second member of staff: madoguchi staff approve ${r.draft.id} --by NAME\n${r.draft.id}\n`,
  );
  return 0;
}

function refuse(reason: string, io: CliIo): number {
  io.stderr.write(`madoguchi staff: refused: ${reason}\n`);
  return 1;
}
