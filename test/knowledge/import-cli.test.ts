// `madoguchi import`: program tables and FAQ CSV files, as staff export them, become knowledge files that
// pass `madoguchi check` once the municipality and the source document are in municipalities.yaml.
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixture, problemLines, REAL_KNOWLEDGE, runCli } from "./support/cli.js";

const IIZUKA_TABLE = fixture("import/iizuka-jigyo-ichiran.tsv");
const IIZUKA_MUNICIPALITY = `- name: 飯塚市
  prefecture: 福岡県
  slug: iizuka
  sources:
    - id: iizuka-jigyo-ichiran
      title: 飯塚市の総合戦略に基づく事業一覧（資料6）
      date: 日付の記載なし
      file: sources/iizuka-jigyo-ichiran.tsv
`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "madoguchi-import-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function iizukaKnowledge(): Promise<void> {
  await mkdir(join(dir, "sources"), { recursive: true });
  await mkdir(join(dir, "programs"));
  await writeFile(join(dir, "municipalities.yaml"), IIZUKA_MUNICIPALITY);
  await cp(IIZUKA_TABLE, join(dir, "sources", "iizuka-jigyo-ichiran.tsv"));
}

type Draft = Record<string, unknown> & { id: string; name: string; source: { place: string } };

describe("import programs", () => {
  it("drafts a programs file from a TSV table that passes check once the municipality is known", async () => {
    await iizukaKnowledge();
    const out = join(dir, "programs", "iizuka.yaml");
    const r = await runCli([
      "import",
      "programs",
      IIZUKA_TABLE,
      "--municipality",
      "飯塚市",
      "--document",
      "iizuka-jigyo-ichiran",
      "--table",
      "事業一覧",
      "--knowledge",
      dir,
      "--out",
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("18 program(s) drafted");
    const check = await runCli(["check", "--knowledge", dir]);
    expect(check.stderr).toBe("");
    expect(check.stdout).toContain("ok: 18 programs");
    // Imported again, the table's programs are already there: new ids, and a note saying so.
    const again = await runCli([
      "import",
      "programs",
      IIZUKA_TABLE,
      "--municipality",
      "飯塚市",
      "--document",
      "iizuka-jigyo-ichiran",
      "--knowledge",
      dir,
    ]);
    expect((parse(again.stdout) as Draft[])[0]?.id).toBe("iizuka-gaikoku-jinzai-koyo-shien-2");
    expect(again.stdout).toMatch(
      /# already in the knowledge, so given another id \(the program may be there already\): iizuka-gaikoku-jinzai-koyo-shien, /,
    );
  });

  it("keeps what the table states and leaves out what it does not", async () => {
    const r = await runCli([
      "import",
      "programs",
      IIZUKA_TABLE,
      "--municipality",
      "飯塚市",
      "--document",
      "iizuka-jigyo-ichiran",
      "--table",
      "事業一覧",
      "--knowledge",
      dir,
    ]);
    const drafts = parse(r.stdout) as Draft[];
    expect(drafts[0]).toEqual({
      id: "iizuka-gaikoku-jinzai-koyo-shien",
      municipality: "飯塚市",
      name: "外国人材雇用支援事業",
      summary:
        "中小企業者等において深刻化する労働者不足の解消に向けて、外国人材が活躍できる環境を整備。連携協定を締結したベトナム企業を活用し、外国人材に関するセミナーを開催し、将来的な市内の人材不足に備える。",
      department: "国際政策課",
      kpi: [{ name: "技術・人文知識・国際業務の在留資格を有する本市在住外国人", unit: "人" }],
      // the 予算 cell says it had no budget and is being reviewed: drafted as its status, in its words
      status: { value: "見直し中", quote: "【令和4年度は予算ゼロ】 【令和5年度から事業見直し、新規政策で事業実施】" },
      source: { document: "iizuka-jigyo-ichiran", place: "事業一覧 事務事業番号 425-5（12行目）" },
    });
    // A row without a KPI has no kpi field; no audiences, categories or benefits are guessed.
    const shogyo = drafts.find((d) => d.name === "商業情報発信支援事業");
    expect(shogyo && Object.keys(shogyo)).toEqual(["id", "municipality", "name", "summary", "department", "source"]);
    expect(shogyo?.source.place).toBe("事業一覧 事務事業番号 新規（22行目）");
  });

  it("makes a program listed under two goals one program with both places", async () => {
    const r = await runCli([
      "import",
      "programs",
      IIZUKA_TABLE,
      "--municipality",
      "飯塚市",
      "--document",
      "d",
      "--table",
      "事業一覧",
      "--knowledge",
      dir,
    ]);
    const loans = (parse(r.stdout) as Draft[]).filter((d) => d.name === "中小企業支援融資事業");
    expect(loans).toHaveLength(1);
    expect(loans[0]?.source.place).toBe("事業一覧 事務事業番号 442-1（13行目）; 事業一覧 事務事業番号 442-1（36行目）");
    expect(r.stdout).toContain("# one program, listed on several rows: 中小企業支援融資事業 (lines 13, 36)");
    expect(r.stdout).toContain("# columns not imported (no field for them): 推進する取り組み\n");
  });

  it("takes a program's fields from whichever of its rows has them (a name-only list, then a detailed table)", async () => {
    const file = join(dir, "two-tables.tsv");
    await writeFile(
      file,
      [
        "取組事業一覧",
        "No.\t事務事業名\t重点施策",
        "9\t病後児保育事業\t●",
        "",
        "重点施策一覧",
        "No.\t事務事業名\t事業内容\t事業主体",
        "39\t病後児保育事業\t児童が病気回復中で、保護者が就労等している場合において、自宅での保育が困難な状況になったとき、病後児保育室すこやかで子どもを預かる。\t子育て支援課",
      ].join("\n"),
    );
    const r = await runCli([
      "import",
      "programs",
      file,
      "--municipality",
      "伊万里市",
      "--document",
      "d",
      "--table",
      "一覧",
      "--knowledge",
      dir,
    ]);
    expect(parse(r.stdout)).toEqual([
      {
        id: "imari-byogoji-hoiku",
        municipality: "伊万里市",
        name: "病後児保育事業",
        summary:
          "児童が病気回復中で、保護者が就労等している場合において、自宅での保育が困難な状況になったとき、病後児保育室すこやかで子どもを預かる。",
        department: "子育て支援課",
        source: { document: "d", place: "一覧 No.9（3行目）; 一覧 No.39（7行目）" },
      },
    ]);
  });

  it("reads a Shift_JIS CSV table into readable ids", async () => {
    await cp(fixture("valid"), dir, { recursive: true });
    const out = join(dir, "programs", "juten.yaml");
    const r = await runCli([
      "import",
      "programs",
      fixture("import/imari-juten-sjis.csv"),
      "--municipality",
      "伊万里市",
      "--document",
      "imari-action-plan",
      "--table",
      "重点施策一覧",
      "--knowledge",
      dir,
      "--out",
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const drafts = parse(await readFile(out, "utf8")) as Draft[];
    expect(drafts.map((d) => d.name)).toEqual([
      "子どもの医療費助成事業",
      "不妊治療エンゼルサポート事業",
      "子育て世代包括支援センター事業",
    ]);
    expect(drafts.map((d) => d.id)).toEqual([
      "imari-kodomo-no-iryohi-josei",
      "imari-funin-chiryo-enzeru-sapoto",
      "imari-kosodate-sedai-hokatsu-shien-senta",
    ]);
    expect(drafts[1]?.source.place).toBe("重点施策一覧 No.45（3行目）");
    expect((await runCli(["check", "--knowledge", dir])).stdout).toContain("ok: 5 programs");
  });

  it.each([
    [["import", "programs", IIZUKA_TABLE, "--document", "d"], 2, /--municipality and --document are required/],
    [["import", "programs", "--municipality", "飯塚市", "--document", "d"], 2, /give exactly one FILE/],
    [["import", "recipes", "x"], 2, /unknown kind "recipes" \(programs or faq\)/],
    [
      ["import", "programs", fixture("import/no-such.tsv"), "--municipality", "飯塚市", "--document", "d"],
      1,
      /cannot read .*no-such\.tsv: no such file/,
    ],
    [
      ["import", "programs", fixture("import/no-program-header.tsv"), "--municipality", "飯塚市", "--document", "d"],
      1,
      /no program rows found .*事業名/,
    ],
  ])("%j: exit %d with a clear message", async (args, code, message) => {
    const r = await runCli(args as string[]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });

  it("keeps an existing --out file unless --force", async () => {
    const out = join(dir, "kept.yaml");
    await writeFile(out, "# staff's work\n");
    const args = [
      "import",
      "programs",
      IIZUKA_TABLE,
      "--municipality",
      "飯塚市",
      "--document",
      "d",
      "--knowledge",
      dir,
      "--out",
      out,
    ];
    const r = await runCli(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("exists and was left as it is");
    expect(await readFile(out, "utf8")).toBe("# staff's work\n");
    expect((await runCli([...args, "--force"])).code).toBe(0);
    expect(await readFile(out, "utf8")).toContain("name: 外国人材雇用支援事業");
  });
});

describe("import faq", () => {
  it("turns a Shift_JIS FAQ CSV into FAQ YAML that loads", async () => {
    await cp(fixture("valid"), dir, { recursive: true });
    await rm(join(dir, "faq", "imari-faq.csv"));
    const out = join(dir, "faq", "imari.yaml");
    const r = await runCli(["import", "faq", fixture("sjis-csv/faq/imari-faq-sjis.csv"), "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(parse(await readFile(out, "utf8"))[0]).toEqual({
      id: "imari-sjis-1",
      municipality: "伊万里市",
      category: "妊娠・出産",
      question: "不妊治療の助成はありますか",
      answer: "健康保険が適用されない不妊治療に対して、年間10万円を上限に通算5年間を償還払い方式で助成します。",
      department: "健康づくり課",
    });
    expect((await runCli(["check", "--knowledge", dir])).stdout).toContain("2 FAQ entries");
  });

  it("README's command on a fresh clone: --out knowledge/faq/imari.yaml makes the missing folder, and the FAQ loads", async () => {
    await cp(REAL_KNOWLEDGE, dir, { recursive: true });
    await rm(join(dir, "faq"), { recursive: true, force: true }); // a fresh clone has no knowledge/faq/
    const out = join(dir, "faq", "imari.yaml");
    const r = await runCli([
      "import",
      "faq",
      fixture("faq-only/よくある質問.csv"),
      "--municipality",
      "伊万里市",
      "--out",
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(parse(await readFile(out, "utf8"))).toHaveLength(2);
    const check = await runCli(["check", "--knowledge", dir]);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain("2 FAQ entries");
  });

  it("fills the municipality and prefixes ids when asked", async () => {
    const r = await runCli([
      "import",
      "faq",
      fixture("faq-only/よくある質問.csv"),
      "--municipality",
      "伊万里市",
      "--id-prefix",
      "imari",
    ]);
    const entries = parse(r.stdout) as { id: string; municipality: string }[];
    expect(entries.map((e) => [e.id, e.municipality])).toEqual([
      ["imari-101", "伊万里市"],
      ["imari-102", "伊万里市"],
    ]);
  });

  it("with --out X.csv writes the CSV itself as UTF-8, which loads as it is", async () => {
    await mkdir(join(dir, "faq"));
    const out = join(dir, "faq", "imari.csv");
    expect((await runCli(["import", "faq", fixture("sjis-csv/faq/imari-faq-sjis.csv"), "--out", out])).code).toBe(0);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(await readFile(out));
    expect(text.split("\r\n")[0]).toBe("ID,地方公共団体名,分類,質問,回答,担当課,URL");
    expect((await runCli(["check", "--knowledge", dir])).stdout).toContain("ok: 0 programs, 2 FAQ entries");
  });

  it.each([
    ["csv-without-question/faq/imari-faq.csv", /imari-faq\.csv:1: header: missing column 質問/],
    ["import/faq-without-answer.csv", /faq-without-answer\.csv:1: header: missing column 回答/],
  ])("refuses %s with one line and exit 1, writing nothing", async (file, line) => {
    const out = join(dir, "never.yaml");
    const r = await runCli(["import", "faq", fixture(file), "--out", out]);
    expect(r.code).toBe(1);
    expect(problemLines(r.stderr)[0]).toMatch(line);
    await expect(readFile(out)).rejects.toThrow();
  });
});
