// The drafts on disk: one YAML file per draft under knowledge/staff/drafts/, written atomically. The
// loader never reads this directory, so a draft is never served.
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { Draft } from "./draft.js";
import { STAFF_DRAFTS_DIR } from "./staff-check.js";
import { writeFileAtomic } from "./atomic-file.js";

export class DraftStore {
  constructor(private readonly knowledgeDir: string) {}

  private path(id: string): string {
    return join(this.knowledgeDir, STAFF_DRAFTS_DIR, `${id}.yaml`);
  }

  async save(draft: Draft): Promise<void> {
    await writeFileAtomic(this.path(Draft.parse(draft).id), stringify(draft, { lineWidth: 0 }));
  }

  /** The draft, or undefined when there is none with this id (never made, or already approved). */
  async get(id: string): Promise<Draft | undefined> {
    if (!/^[af]-\d{8}-[0-9a-f]{6}$/.test(id)) return undefined;
    const text = await readFile(this.path(id), "utf8").catch(() => undefined);
    if (text === undefined) return undefined;
    return Draft.parse(parse(text));
  }

  async remove(id: string): Promise<void> {
    await rm(this.path(id), { force: true });
  }

  /** Every draft, oldest first; a file that does not parse is skipped (madoguchi check reports it). */
  async list(): Promise<Draft[]> {
    const dir = join(this.knowledgeDir, STAFF_DRAFTS_DIR);
    const names = await readdir(dir).catch(() => [] as string[]);
    const drafts: Draft[] = [];
    for (const name of names.filter((n) => n.endsWith(".yaml")).sort()) {
      const parsed = Draft.safeParse(parse(await readFile(join(dir, name), "utf8").catch(() => "")));
      if (parsed.success) drafts.push(parsed.data);
    }
    return drafts.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
}

/** `madoguchi check`: every draft file must parse as a draft (they are not knowledge, but they will be). */
export async function checkDrafts(knowledgeDir: string): Promise<{ file: string; field?: string; message: string }[]> {
  const dir = join(knowledgeDir, STAFF_DRAFTS_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  const problems: { file: string; field?: string; message: string }[] = [];
  for (const name of names.filter((n) => n.endsWith(".yaml")).sort()) {
    const file = join(dir, name);
    let data: unknown;
    try {
      data = parse(await readFile(file, "utf8"));
    } catch (e) {
      problems.push({ file, message: `YAML syntax: ${(e as Error).message.split("\n")[0]}` });
      continue;
    }
    const r = Draft.safeParse(data);
    if (!r.success)
      for (const i of r.error.issues) problems.push({ file, field: i.path.join(".") || undefined, message: i.message });
  }
  return problems;
}
