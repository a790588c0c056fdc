// `madoguchi staff …` on a private copy of the bundled knowledge: a draft is never served, a second member
// of staff approves it, the author cannot, and what lands is a knowledge file `madoguchi check` accepts,
// with the audit trail (git history with the author, or the audit log) recording before and after.
import { execFile } from "node:child_process";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../knowledge/support/cli.js";
import { copyKnowledge, type KnowledgeCopy } from "../server/support/knowledge-copy.js";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.js";

const git = promisify(execFile);
let copy: KnowledgeCopy;
beforeEach(async () => {
  copy = await copyKnowledge();
});
afterEach(async () => {
  await copy.remove();
});

const lastLine = (s: string) => s.trim().split("\n").at(-1)!;

function addAnswer(extra: string[] = [], by = "山田") {
  return runCli([
    "staff",
    "add-answer",
    "--question",
    "児童手当の振込日はいつですか",
    "--question",
    "児童手当はいつ入金されますか",
    "--answer",
    "児童手当は偶数月の15日に、前月分までを口座に振り込みます。",
    "--department",
    "子育て支援課",
    "--by",
    by,
    "--knowledge",
    copy.dir,
    ...extra,
  ]);
}

async function initGit(dir: string): Promise<void> {
  await git("git", ["-C", dir, "init", "-q"]);
  await git("git", ["-C", dir, "add", "-A"]);
  await git("git", [
    "-C",
    dir,
    "-c",
    "user.name=setup",
    "-c",
    "user.email=setup@example.invalid",
    "commit",
    "-qm",
    "knowledge",
  ]);
}

describe("madoguchi staff add-answer / approve", () => {
  it("prints the draft's id last; the draft is not served; a second person's approval publishes it with its staff source", async () => {
    const added = await addAnswer();
    expect(added.code).toBe(0);
    const id = lastLine(added.stdout);
    expect(id).toMatch(/^a-\d{8}-[0-9a-f]{6}$/);
    expect((await loadKnowledgeOrThrow(copy.dir)).faqs).toHaveLength(0); // a draft is never knowledge

    const approved = await runCli(["staff", "approve", id, "--by", "佐藤", "--knowledge", copy.dir]);
    expect(approved.code).toBe(0);
    const kb = await loadKnowledgeOrThrow(copy.dir);
    const faq = kb.faqs.find((f) => f.id === lastLine(approved.stdout))!;
    expect(faq).toMatchObject({
      question: "児童手当の振込日はいつですか",
      questions: ["児童手当はいつ入金されますか"],
      municipality: "伊万里市",
      source: { kind: "staff", by: "山田", department: "子育て支援課", approvedBy: "佐藤" },
    });
    expect(faq.source?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const check = await runCli(["check", "--knowledge", copy.dir]);
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
  });

  it("refuses the author's own approval with exit 1 and a clear message, and a second approval of the same draft", async () => {
    const id = lastLine((await addAnswer()).stdout);
    const self = await runCli(["staff", "approve", id, "--by", "山田", "--knowledge", copy.dir]);
    expect(self.code).toBe(1);
    expect(self.stderr).toMatch(/山田 wrote draft .*a second member of staff must approve it/);
    expect((await loadKnowledgeOrThrow(copy.dir)).faqs).toHaveLength(0);
    expect((await runCli(["staff", "approve", id, "--by", "佐藤", "--knowledge", copy.dir])).code).toBe(0);
    const replay = await runCli(["staff", "approve", id, "--by", "鈴木", "--knowledge", copy.dir]);
    expect(replay.code).toBe(1);
    expect(replay.stderr).toMatch(/no draft .* is waiting/);
  });

  it("allows only the configured approvers when MADOGUCHI_STAFF_APPROVERS names them", async () => {
    const id = lastLine((await addAnswer()).stdout);
    const env = { MADOGUCHI_STAFF_APPROVERS: "佐藤, 鈴木" };
    const other = await runCli(["staff", "approve", id, "--by", "田中", "--knowledge", copy.dir], env);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain("田中 is not one of the configured approvers");
    expect((await runCli(["staff", "approve", id, "--by", "鈴木", "--knowledge", copy.dir], env)).code).toBe(0);
  });

  it("publishes at once when review is off", async () => {
    const added = await addAnswer([], "山田");
    expect(added.code).toBe(0);
    const off = await runCli(
      [
        "staff",
        "add-answer",
        "--question",
        "保育園の見学はできますか",
        "--answer",
        "各園に電話で予約すれば見学できます。",
        "--department",
        "保育課",
        "--by",
        "山田",
        "--knowledge",
        copy.dir,
      ],
      { MADOGUCHI_STAFF_REVIEW: "off" },
    );
    expect(off.code).toBe(0);
    expect((await loadKnowledgeOrThrow(copy.dir)).faq(lastLine(off.stdout))?.source?.approvedBy).toBeUndefined();
  });

  it("refuses an invalid submission whole, field by field, and writes nothing", async () => {
    const before = await readdir(copy.dir, { recursive: true });
    const r = await addAnswer(["--valid-until", "2026-13-40", "--url", "city.example/page"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("source.validUntil: is not a real date");
    expect(r.stderr).toContain("url: must be a web address");
    expect(r.stderr).toContain("nothing was written");
    expect(await readdir(copy.dir, { recursive: true })).toEqual(before);
  });

  it("has madoguchi check name a draft file that is broken", async () => {
    const id = lastLine((await addAnswer()).stdout);
    const file = join(copy.dir, "staff/drafts", `${id}.yaml`);
    await writeFile(file, (await readFile(file, "utf8")).replace(/^status: draft$/m, "status: maybe"));
    const check = await runCli(["check", "--knowledge", copy.dir]);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(new RegExp(`staff/drafts/${id}\\.yaml: status: `));
  });

  it("sends a draft back with a reason; it can then not be approved", async () => {
    const id = lastLine((await addAnswer()).stdout);
    expect((await runCli(["staff", "reject", id, "--by", "佐藤", "--knowledge", copy.dir])).code).toBe(2); // --reason is required
    const rejected = await runCli([
      "staff",
      "reject",
      id,
      "--by",
      "佐藤",
      "--reason",
      "振込日は10日です",
      "--knowledge",
      copy.dir,
    ]);
    expect(rejected.code).toBe(0);
    const listed = await runCli(["staff", "drafts", "--knowledge", copy.dir]);
    expect(listed.stdout).toContain(`${id}\trejected\t山田`);
    expect(listed.stdout).toContain("差し戻し: 振込日は10日です");
    const late = await runCli(["staff", "approve", id, "--by", "鈴木", "--knowledge", copy.dir]);
    expect(late.code).toBe(1);
    expect(late.stderr).toContain("was sent back by 佐藤");
  });

  it("lands two approvals made at the same time, each in its own commit authored by the staff member", async () => {
    await initGit(copy.dir);
    const a = lastLine((await addAnswer([], "山田")).stdout);
    const b = lastLine(
      (
        await runCli([
          "staff",
          "add-answer",
          "--question",
          "放課後児童クラブの申込みはいつですか",
          "--answer",
          "毎年2月に翌年度分を受け付けます。",
          "--department",
          "子育て支援課",
          "--by",
          "中村",
          "--knowledge",
          copy.dir,
        ])
      ).stdout,
    );
    const [ra, rb] = await Promise.all([
      runCli(["staff", "approve", a, "--by", "佐藤", "--knowledge", copy.dir]),
      runCli(["staff", "approve", b, "--by", "鈴木", "--knowledge", copy.dir]),
    ]);
    expect([ra.code, rb.code]).toEqual([0, 0]);
    expect((await loadKnowledgeOrThrow(copy.dir)).faqs).toHaveLength(2);
    const log = (await git("git", ["-C", copy.dir, "log", "--format=%an|%s"])).stdout;
    expect(log).toMatch(/^山田\|staff: answer staff-[0-9a-f]+ by 山田, approved by 佐藤$/m);
    expect(log).toMatch(/^中村\|staff: answer staff-[0-9a-f]+ by 中村, approved by 鈴木$/m);
    expect((await git("git", ["-C", copy.dir, "status", "--porcelain", "--", "staff/faq"])).stdout).toBe("");
  });
});

describe("git history of a knowledge directory inside a larger repository", () => {
  it("is left alone by default (audit log only) and committed with MADOGUCHI_STAFF_GIT=on", async () => {
    // the repository is the copy's parent-like layout: a repo whose subdirectory is the knowledge
    const { mkdtemp, cp, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const repo = await mkdtemp(join(tmpdir(), "madoguchi-project-"));
    try {
      const dir = join(repo, "knowledge");
      await cp(copy.dir, dir, { recursive: true });
      await initGit(repo);
      const count = async () => Number((await git("git", ["-C", repo, "rev-list", "--count", "HEAD"])).stdout.trim());
      const id = lastLine(
        (
          await runCli([
            "staff",
            "add-answer",
            "--question",
            "犬の登録はどこで",
            "--answer",
            "窓口です。",
            "--department",
            "子育て支援課",
            "--by",
            "山田",
            "--knowledge",
            dir,
          ])
        ).stdout,
      );
      expect((await runCli(["staff", "approve", id, "--by", "佐藤", "--knowledge", dir])).code).toBe(0);
      expect(await count()).toBe(1);
      const id2 = lastLine(
        (
          await runCli([
            "staff",
            "add-answer",
            "--question",
            "猫の登録は",
            "--answer",
            "不要です。",
            "--department",
            "子育て支援課",
            "--by",
            "山田",
            "--knowledge",
            dir,
          ])
        ).stdout,
      );
      expect(
        (await runCli(["staff", "approve", id2, "--by", "佐藤", "--knowledge", dir], { MADOGUCHI_STAFF_GIT: "on" }))
          .code,
      ).toBe(0);
      expect(await count()).toBe(2);
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });
});

describe("madoguchi staff add-fact", () => {
  const PROGRAM = "imari-funin-chiryo-angel-support";
  const addFact = (value: string, by: string, field = "amount") =>
    runCli([
      "staff",
      "add-fact",
      PROGRAM,
      "--field",
      field,
      "--value",
      value,
      "--by",
      by,
      "--department",
      "健康づくり課",
      "--date",
      "2026-11-20",
      "--knowledge",
      copy.dir,
    ]);

  it("records a correction's before and after in the audit log when the directory is no git repository", async () => {
    const first = lastLine((await addFact("1回5万円まで", "山田")).stdout);
    expect((await runCli(["staff", "approve", first, "--by", "佐藤", "--knowledge", copy.dir])).code).toBe(0);
    const second = lastLine((await addFact("1回6万円まで", "中村")).stdout);
    expect((await runCli(["staff", "approve", second, "--by", "佐藤", "--knowledge", copy.dir])).code).toBe(0);
    const kb = await loadKnowledgeOrThrow(copy.dir);
    expect(kb.staffFact(PROGRAM, "amount")).toMatchObject({
      value: "1回6万円まで",
      source: { by: "中村", department: "健康づくり課", date: "2026-11-20", approvedBy: "佐藤" },
    });
    const audit = (await readFile(join(copy.dir, "staff/audit.jsonl"), "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const approvals = audit.filter((r) => r["action"] === "approve");
    expect(approvals).toHaveLength(2);
    expect(approvals[0]).toMatchObject({
      by: "山田",
      approvedBy: "佐藤",
      before: null,
      after: { value: "1回5万円まで" },
    });
    expect(approvals[1]).toMatchObject({
      by: "中村",
      approvedBy: "佐藤",
      before: { value: "1回5万円まで" },
      after: { value: "1回6万円まで" },
    });
  });

  it("refuses a status outside 実施中 / 終了 / 予算ゼロ / 見直し中 and an unknown program", async () => {
    const bad = await addFact("たぶん続いている", "山田", "status");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("value: a status must be one of 実施中 / 終了 / 予算ゼロ / 見直し中");
    const unknown = await runCli([
      "staff",
      "add-fact",
      "imari-nai-jigyo",
      "--field",
      "status",
      "--value",
      "終了",
      "--by",
      "山田",
      "--department",
      "総務課",
      "--knowledge",
      copy.dir,
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('program: no program has the id "imari-nai-jigyo"');
  });
});
