// A private copy of the bundled knowledge in a temporary directory, for tests that edit or break it.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const BUNDLED = resolve("knowledge");

export interface KnowledgeCopy {
  dir: string;
  read(rel: string): Promise<string>;
  write(rel: string, text: string): Promise<void>;
  remove(): Promise<void>;
}

export async function copyKnowledge(): Promise<KnowledgeCopy> {
  const dir = await mkdtemp(join(tmpdir(), "madoguchi-knowledge-"));
  await cp(BUNDLED, dir, { recursive: true });
  return {
    dir,
    read: (rel) => readFile(join(dir, rel), "utf8"),
    write: (rel, text) => writeFile(join(dir, rel), text),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A program entry in the bundled format, for a test that adds one. */
export function extraProgramYaml(id: string, name: string): string {
  return [
    `- id: ${id}`,
    "  municipality: 伊万里市",
    `  name: ${name}`,
    "  summary: テスト用に追加した事業の概要。",
    "  department: テスト課",
    "  source:",
    "    document: imari-action-plan",
    "    place: テスト",
    "",
  ].join("\n");
}
