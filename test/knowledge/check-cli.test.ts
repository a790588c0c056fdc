// `madoguchi check` on broken knowledge directories: each mistake a staff member can make while editing
// gives exit code 1 and one line per problem, `file:line: entry-id: field: message`.
import { describe, expect, it } from "vitest";
import { fixture, problemLines, runCli } from "./support/cli.js";

const F = "test/fixtures/knowledge";

const BROKEN: { dir: string; lines: (string | RegExp)[] }[] = [
  {
    dir: "bad-yaml",
    lines: [/^test\/fixtures\/knowledge\/bad-yaml\/programs\/imari\.yaml:4: YAML syntax: .*indentation/],
  },
  {
    dir: "missing-name",
    lines: [`${F}/missing-name/programs/imari.yaml:1: imari-kodomo-iryohi-josei: name: is required`],
  },
  {
    dir: "empty-name",
    lines: [
      `${F}/empty-name/programs/imari.yaml:3: imari-kodomo-iryohi-josei: name: must not be empty`,
      `${F}/empty-name/programs/imari.yaml:11: imari-funin-chiryo-angel-support: name: is empty: write a value after the colon, or remove the line`,
    ],
  },
  {
    dir: "duplicate-id",
    lines: [
      `${F}/duplicate-id/programs/imari.yaml:1: imari-kodomo-iryohi-josei: id: duplicate id (first used at ${F}/duplicate-id/programs/imari-copy.yaml:2)`,
    ],
  },
  {
    dir: "amount-without-unit",
    lines: [
      `${F}/amount-without-unit/programs/imari.yaml:7: imari-funin-chiryo-angel-support: benefits.0.amounts.0.unit: is required: an amount needs a unit (円, 千円, 回 …)`,
    ],
  },
  {
    dir: "unknown-field",
    lines: [
      `${F}/unknown-field/programs/imari.yaml:4: imari-kodomo-iryohi-josei: summery: unknown field (not in the schema: check the spelling)`,
    ],
  },
  {
    dir: "unknown-municipality",
    lines: [
      `${F}/unknown-municipality/programs/imari.yaml:2: imari-kodomo-iryohi-josei: municipality: unknown municipality "伊万里" (known: 伊万里市)`,
    ],
  },
  {
    dir: "csv-without-question",
    lines: [
      `${F}/csv-without-question/faq/imari-faq.csv:1: header: missing column 質問: an FAQ CSV needs a header row with 質問 and 回答 (this header is: ID, 問い合わせ内容, 回答)`,
    ],
  },
  {
    dir: "not-a-list",
    lines: [
      `${F}/not-a-list/programs/imari.yaml:1: the file must be a YAML list of entries, each starting with "- id: …"`,
    ],
  },
  {
    dir: "common-mistakes",
    lines: [
      `${F}/common-mistakes/programs/imari.yaml:2: Imari_Kodomo: id: must be lower-case letters, digits and hyphens (e.g. imari-funin-chiryo)`,
      `${F}/common-mistakes/programs/imari.yaml:5: Imari_Kodomo: audiences.0: must be one of: 個人, 子育て世帯, 妊婦, 高齢者, 障がい者, 学生, 移住者, 求職者, 事業者, 農業者, 林業者, 漁業者, 団体, 地域, 観光客`,
      `${F}/common-mistakes/programs/imari.yaml:6: Imari_Kodomo: categories: must be a list, e.g. [子育て, 教育]`,
      /imari\.yaml:8: Imari_Kodomo: benefits\.0\.kind: must be one of: 給付金, 補助金, 助成, /,
      `${F}/common-mistakes/programs/imari.yaml:10: Imari_Kodomo: benefits.0.amounts.0.value: must be a number`,
      `${F}/common-mistakes/programs/imari.yaml:2: Imari_Kodomo: department: is required`,
      `${F}/common-mistakes/programs/imari.yaml:12: Imari_Kodomo: source.place: is required`,
      `${F}/common-mistakes/programs/imari.yaml:17: imari-funin-chiryo-angel-support: department: must be text or a list of texts (e.g. 健康づくり課, or [福祉課, 伊万里福祉会])`,
      `${F}/common-mistakes/programs/imari.yaml:18: imari-funin-chiryo-angel-support: period.fromFiscalYear: must be a Western year (令和2年度 = 2020)`,
      `${F}/common-mistakes/programs/imari.yaml:18: imari-funin-chiryo-angel-support: period.toFiscalYear: must be a Western year (令和2年度 = 2020)`,
    ],
  },
  {
    dir: "unknown-source-document",
    lines: [
      `${F}/unknown-source-document/programs/imari.yaml:6: imari-kodomo-iryohi-josei: source.document: unknown source document "imari-plan" for 伊万里市 (known: imari-action-plan)`,
    ],
  },
  {
    dir: "invented-number",
    lines: [
      `${F}/invented-number/programs/imari.yaml:7: imari-funin-chiryo-angel-support: benefits.0.text: "20万円" does not occur in the source document (in "不妊治療に対して年間20万円を上限に助成する")`,
      `${F}/invented-number/programs/imari.yaml:9: imari-funin-chiryo-angel-support: benefits.0.amounts.0.text: "20万円" does not occur in the source document (in "年間20万円を上限")`,
    ],
  },
  {
    dir: "wrong-amount-value",
    lines: [
      /imari\.yaml:8: imari-funin-chiryo-angel-support: benefits\.0\.amounts\.0\.value: 10000 円 is not what "年間10万円を上限" says/,
      /imari\.yaml:10: imari-funin-chiryo-angel-support: period\.toFiscalYear: 2025 does not agree with period\.text "R2 ~ R6" \(which says 2024/,
    ],
  },
];

describe("madoguchi check on broken knowledge", () => {
  it.each(BROKEN)("$dir: exit 1, one clear line per problem", async ({ dir, lines }) => {
    const r = await runCli(["check", "--knowledge", fixture(dir)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const got = problemLines(r.stderr);
    expect(got).toHaveLength(lines.length);
    lines.forEach((want, i) => (typeof want === "string" ? expect(got[i]).toBe(want) : expect(got[i]).toMatch(want)));
    expect(r.stderr).toMatch(new RegExp(`${lines.length} problem\\(s\\) found in .*${dir}\\n$`));
  });

  it("names a missing knowledge directory instead of crashing", async () => {
    const r = await runCli(["check", "--knowledge", fixture("no-such-dir")]);
    expect(r.code).toBe(1);
    expect(problemLines(r.stderr)).toEqual([`${fixture("no-such-dir")}: knowledge directory not found`]);
  });

  it("gives every entry problem in the file:line: entry: field: message form", async () => {
    for (const { dir } of BROKEN.filter(
      (b) => !["bad-yaml", "not-a-list", "csv-without-question", "common-mistakes"].includes(b.dir),
    )) {
      for (const line of problemLines((await runCli(["check", "--knowledge", fixture(dir)])).stderr)) {
        expect(line).toMatch(/^[^:]+\.ya?ml:\d+: [a-z0-9-]+: [A-Za-z0-9.]+: \S/);
      }
    }
  });

  it("is 2 with usage for an unknown option", async () => {
    const r = await runCli(["check", "--knowlege", "x"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("usage: madoguchi check");
  });
});

describe("madoguchi check on good knowledge", () => {
  it.each([
    ["valid", "ok: 2 programs, 2 FAQ entries, 1 municipalities"],
    ["sjis-csv", "ok: 0 programs, 2 FAQ entries, 1 municipalities"],
    ["faq-only", "ok: 0 programs, 2 FAQ entries, 0 municipalities"],
  ])("%s passes", async (dir, summary) => {
    const r = await runCli(["check", "--knowledge", fixture(dir)]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(summary);
  });

  it("--no-sources skips the comparison with the source text", async () => {
    const r = await runCli(["check", "--no-sources", "--knowledge", fixture("invented-number")]);
    expect(r.code).toBe(0);
  });
});
