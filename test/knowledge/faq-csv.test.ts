// FAQ CSV files as municipalities publish them load as FAQ entries: UTF-8 or Shift_JIS, comma or tab,
// the CSV's ID column as the entry id, 地方公共団体名 with or without the prefecture.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { loadKnowledge, loadKnowledgeOrThrow } from "../../src/knowledge/load.js";
import { parseFaqCsv } from "../../src/knowledge/faq-csv.js";
import { decodeTableBytes } from "../../src/knowledge/table-text.js";
import { canonicalEntries } from "../../src/knowledge/canonical.js";
import { formatProblem } from "../../src/knowledge/problems.js";
import { fixture } from "./support/cli.js";

describe("a knowledge directory holding only an FAQ CSV", () => {
  it("loads its rows as FAQ entries whose ids are the CSV's ID column", async () => {
    const kb = await loadKnowledgeOrThrow(fixture("faq-only"));
    expect(kb.programs).toHaveLength(0);
    expect(kb.faqs.map((f) => f.id)).toEqual(["101", "102"]);
    expect(kb.faq("101")?.question).toBe("住民票の写しはどこで取れますか");
    // A quoted cell keeps its line break.
    expect(kb.faq("102")?.answer).toBe("分別の表をご覧ください。\n地区ごとの収集日はカレンダーに載っています。");
  });

  it("lists them in canonical form with municipality null and the question as name", async () => {
    const kb = await loadKnowledgeOrThrow(fixture("faq-only"));
    expect(canonicalEntries(kb)[0]).toEqual({
      type: "faq",
      id: "101",
      municipality: null,
      name: "住民票の写しはどこで取れますか",
      question: "住民票の写しはどこで取れますか",
      answer: "市民課の窓口で取れます。",
    });
  });
});

describe("Shift_JIS", () => {
  it("a Shift_JIS FAQ CSV in a knowledge directory loads with its Japanese intact", async () => {
    const bytes = await readFile(fixture("sjis-csv/faq/imari-faq-sjis.csv"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const kb = await loadKnowledgeOrThrow(fixture("sjis-csv"));
    expect(kb.faq("imari-sjis-1")).toMatchObject({
      municipality: "伊万里市",
      category: "妊娠・出産",
      question: "不妊治療の助成はありますか",
      department: "健康づくり課",
    });
    expect(kb.faq("imari-sjis-1")?.answer).toContain("年間10万円を上限に通算5年間");
  });

  it.each([
    ["UTF-8", Buffer.from("質問,回答\n①は？,はい\n", "utf8")],
    [
      "UTF-8 with BOM",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("質問,回答\n①は？,はい\n", "utf8")]),
    ],
    ["Shift_JIS (CP932, with its ① and ～)", iconv.encode("質問,回答\n①は？,はい\n", "cp932")],
  ])("decodes %s", (_name, bytes) => {
    expect(decodeTableBytes(bytes)).toBe("質問,回答\n①は？,はい\n");
  });
});

describe("parseFaqCsv", () => {
  it("reads the national FAQ open-data columns, 地方公共団体名 with the prefecture resolved on load", async () => {
    const kb = await loadKnowledgeOrThrow(fixture("valid"));
    expect(kb.faq("imari-faq-1")).toMatchObject({
      municipality: "伊万里市",
      category: "妊娠・出産",
      department: "健康づくり課",
    });
  });

  it("names rows of a file without ID after the file's path in the knowledge directory, not the cwd", () => {
    const r = parseFaqCsv("質問,回答\nA?,a\nB?,b\n", "/anywhere/knowledge/faq/imari.csv", "faq/imari.csv");
    expect(r.entries.map((f) => f.id)).toEqual(["faq-imari-1", "faq-imari-2"]);
  });

  it("gives files with Japanese names distinct ids", () => {
    const a = parseFaqCsv("質問,回答\nA?,a\n", "x", "よくある質問.csv").entries[0]?.id;
    const b = parseFaqCsv("質問,回答\nA?,a\n", "x", "子育て.csv").entries[0]?.id;
    expect(a).toMatch(/^faq-[0-9a-f]{6}-1$/);
    expect(a).not.toBe(b);
  });

  it("accepts tab-separated files and header cells with spaces or full-width letters", () => {
    const r = parseFaqCsv(
      "ＩＤ\t質 問\t回答\t所管部署\nq1\t保育園の申込みは？\t子育て支援課へ\t子育て支援課\n",
      "faq.tsv",
    );
    expect(r.problems).toEqual([]);
    expect(r.entries).toEqual([
      { id: "q1", question: "保育園の申込みは？", answer: "子育て支援課へ", department: "子育て支援課" },
    ]);
  });

  it("reports a row without an answer on its own line, keeping the other rows' problems apart", () => {
    const r = parseFaqCsv("ID,質問,回答\n1,保育園の申込みは？,\n2,,子育て支援課へ\n", "faq/kosodate.csv");
    expect(r.problems.map(formatProblem)).toEqual([
      "faq/kosodate.csv:2: 1: 回答: is empty: every row needs a 質問 and a 回答",
      "faq/kosodate.csv:3: 2: 質問: is empty: every row needs a 質問 and a 回答",
    ]);
  });

  it("an FAQ CSV naming an unknown municipality is an error at its row", async () => {
    const dir = await mkdtemp(join(tmpdir(), "madoguchi-faq-"));
    try {
      await cp(fixture("valid"), dir, { recursive: true });
      await writeFile(
        join(dir, "faq", "karatsu.csv"),
        "ID,質問,回答,地方公共団体名\nk1,A?,a,佐賀県伊万里市\nk2,B?,b,唐津市\n",
      );
      const r = await loadKnowledge(dir);
      expect(r.knowledge).toBeUndefined();
      expect(r.problems.map(formatProblem)).toEqual([
        expect.stringMatching(
          /faq\/karatsu\.csv:3: k2: municipality: unknown municipality "唐津市" \(known: 伊万里市\)$/,
        ),
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("an FAQ exported with its website's HTML", () => {
  const csv = [
    "ID,質問,回答,担当課",
    '1,"住民票の写しは<b>どこで</b>取れますか","市民課の窓口で取れます。<br>コンビニでも取れます。<br />詳しくは<a href=""https://example.jp/juminhyo"">こちら</a>をご覧ください。",市民課',
    '2,粗大ごみの出し方&amp;料金,"<p>電話で申し込んでください。</p><ul><li>受付&nbsp;平日9時～17時</li><li>料金&#65306;1点300円</li></ul>",環境課',
    "3,犬の登録,保健所で登録します。5 < 10 のように書いても壊れません。,環境課",
  ].join("\n");

  it("reads each cell as the text it shows: line breaks, a link's address after its text, entities decoded", () => {
    const { entries, problems } = parseFaqCsv(csv, "faq.csv");
    expect(problems).toEqual([]);
    expect(entries[0]?.question).toBe("住民票の写しはどこで取れますか");
    expect(entries[0]?.answer).toBe(
      "市民課の窓口で取れます。\nコンビニでも取れます。\n詳しくはこちら（https://example.jp/juminhyo）をご覧ください。",
    );
    expect(entries[1]?.question).toBe("粗大ごみの出し方&料金");
    expect(entries[1]?.answer).toBe("電話で申し込んでください。\n・受付 平日9時～17時\n・料金：1点300円");
  });

  it("leaves a cell without markup as it is, a lone < included", () => {
    const { entries } = parseFaqCsv(csv, "faq.csv");
    expect(entries[2]?.answer).toBe("保健所で登録します。5 < 10 のように書いても壊れません。");
  });
});
