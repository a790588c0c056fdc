// knowledge/synonym-proposals.yaml: synonyms proposed by staff from the Slack App Home (「同義語を追加」
// under a question the bot could not answer), waiting for someone to review them and move the accepted
// ones into synonyms.yaml. The loader skips this file; `madoguchi check` validates it with this schema.
//   - words: [にんかつ]               # what the resident wrote
//     means: [不妊治療]               # what the documents write
//     question: にんかつの補助ある？    # the question it came from, personal data masked
//     proposedBy: U024BE7LH           # Slack user id
//     proposedAt: 2025-06-02T10:15:00+09:00
//     status: proposed                # proposed | accepted | rejected
import { access, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseDocument, isSeq, type Document } from "yaml";
import { z } from "zod";
import { readYamlList } from "./yaml-file.js";
import type { Problem } from "./problems.js";

export const SYNONYM_PROPOSALS_FILE = "synonym-proposals.yaml";

const word = z.string().trim().min(1, "must not be empty").max(40, "is too long for a word (40 characters at most)");
const words = z.array(word).min(1, "needs at least one word").max(10, "has too many words (10 at most)");

export const SynonymProposal = z.strictObject({
  words,
  means: words,
  question: z.string().max(500, "is too long (500 characters at most)").optional(),
  proposedBy: z
    .string()
    .regex(/^[A-Z0-9]{2,30}$/, "must be a Slack user id (e.g. U024BE7LH)")
    .optional(),
  proposedAt: z.iso.datetime({ offset: true, error: "must be a date and time such as 2025-06-02T10:15:00+09:00" }),
  status: z.enum(["proposed", "accepted", "rejected"]).optional(),
  note: z.string().max(500).optional(),
});
export type SynonymProposal = z.infer<typeof SynonymProposal>;
export const SynonymProposalsFile = z.array(SynonymProposal);

/** Validates the proposals file of a knowledge directory; no file is fine (nothing proposed yet). */
export async function checkSynonymProposals(
  dir: string,
  label = join(dir, SYNONYM_PROPOSALS_FILE),
): Promise<Problem[]> {
  const file = join(dir, SYNONYM_PROPOSALS_FILE);
  if (!(await exists(file))) return [];
  const { problems } = await readYamlList(file, label, SynonymProposalsFile);
  return problems;
}

/**
 * Appends one proposal, keeping the file's comments and earlier entries as they are. The proposal is
 * validated first; the file is replaced atomically (write a temporary file, then rename). Callers in one
 * process must not append concurrently (SynonymProposalFile in the Slack channel serialises them).
 */
export async function appendSynonymProposal(dir: string, proposal: SynonymProposal): Promise<void> {
  const valid = SynonymProposal.parse(proposal);
  const file = join(dir, SYNONYM_PROPOSALS_FILE);
  const source = (await exists(file)) ? await readFile(file, "utf8") : HEADER;
  const parsed = parseDocument(source);
  if (parsed.errors.length > 0) throw new Error(`${file}: YAML syntax: ${parsed.errors[0]!.message.split("\n")[0]}`);
  const doc = parsed as unknown as Document;
  if (doc.contents === null) doc.contents = doc.createNode([]);
  if (!isSeq(doc.contents)) throw new Error(`${file}: must be a list of proposals`);
  doc.contents.add(doc.createNode(valid));
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, doc.toString({ lineWidth: 0 }), "utf8");
  await rename(temp, file);
}

const HEADER = `# Synonyms proposed by staff from the Slack App Home, to review: move accepted ones into synonyms.yaml.
# Checked by \`madoguchi check\`. Fields: words, means, question (masked), proposedBy, proposedAt, status.
`;

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
