// A knowledge directory of any size on disk, for the reload figures (a reload reads files): the real
// municipalities and source texts, and the real programs copied under new ids until there are `count`
// (the copies keep their municipality and cited document, so the directory validates like the real one).
import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import type { Program } from "../../src/knowledge/schema.js";

const PER_FILE = 500;

export async function writeLargeKnowledge(
  realDir: string,
  programs: readonly Program[],
  count: number,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `madoguchi-bench-knowledge-${count}-`));
  await cp(join(realDir, "municipalities.yaml"), join(dir, "municipalities.yaml"));
  await cp(join(realDir, "synonyms.yaml"), join(dir, "synonyms.yaml"));
  await cp(join(realDir, "sources"), join(dir, "sources"), { recursive: true });
  await mkdir(join(dir, "programs"));
  const copies = Array.from({ length: count }, (_, i) => {
    const p = programs[i % programs.length]!;
    return i < programs.length ? p : { ...p, id: `${p.id}-copy-${Math.floor(i / programs.length)}` };
  });
  for (let i = 0; i < copies.length; i += PER_FILE) {
    await writeFile(
      join(dir, "programs", `part-${String(i / PER_FILE).padStart(3, "0")}.yaml`),
      // Copies share their nested objects: written out in full, as knowledge files are, not as YAML aliases.
      stringify(copies.slice(i, i + PER_FILE), { aliasDuplicateObjects: false }),
    );
  }
  return dir;
}
