// Fidelity: the knowledge says nothing its source documents do not. For every program of knowledge/,
// its name, departments and every number expression it writes (amounts, counts, ages, durations, dates:
// 10万円, 1,000円, 14回, 築10年, 0～2歳, 5年間, 令和6年度, R2 …) must occur in the source text the program
// cites, and amounts[].value/unit and the period's years must agree with the words they were read from.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.js";
import { matchForm, numberExpressions, occursIn } from "../../src/knowledge/fidelity/match-text.js";
import { amountReadsAs, programFidelity } from "../../src/knowledge/fidelity/program-fidelity.js";
import { checkFidelity } from "../../src/knowledge/fidelity/check-fidelity.js";
import { formatProblem } from "../../src/knowledge/problems.js";
import type { KnowledgeBase } from "../../src/knowledge/knowledge-base.js";
import type { Program } from "../../src/knowledge/schema.js";
import { fixture, REAL_KNOWLEDGE } from "./support/cli.js";

async function sourceTexts(kb: KnowledgeBase): Promise<Map<Program, string>> {
  const cache = new Map<string, string>();
  const out = new Map<Program, string>();
  for (const p of kb.programs) {
    const file = resolve(kb.dir, kb.sourceOf(p).file);
    if (!cache.has(file)) cache.set(file, matchForm(await readFile(file, "utf8")));
    out.set(p, cache.get(file) as string);
  }
  return out;
}

const real = await loadKnowledgeOrThrow(REAL_KNOWLEDGE);
const realSources = await sourceTexts(real);

describe("every program of knowledge/ against its source text", () => {
  it("covers the whole knowledge base", () => {
    expect(real.programs.length).toBeGreaterThanOrEqual(150);
  });

  it.each(real.programs.map((p) => [p.id, p] as const))("%s", (id, program) => {
    const issues = programFidelity(program, realSources.get(program) as string);
    // The message names the program, the field and the missing expression.
    expect(issues.map((i) => `${id}: ${i.field}: ${i.message}`)).toEqual([]);
  });
});

describe("an invented number fails", () => {
  it("年間20万円 where the source says 年間10万円: named with program, field and expression", async () => {
    const kb = await loadKnowledgeOrThrow(fixture("invented-number"));
    const lines = (await checkFidelity(kb)).map(formatProblem);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /imari-funin-chiryo-angel-support: benefits\.0\.amounts\.0\.text: "20万円" does not occur in the source document/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/imari-funin-chiryo-angel-support: benefits\.0\.text: "20万円"/),
    );
  });

  it("each kind of fact, changed by one digit, is caught in the field that holds it", async () => {
    const kb = await loadKnowledgeOrThrow(fixture("valid"));
    const source = (await sourceTexts(kb)).get(kb.programs[0] as Program) as string;
    const base = kb.program("imari-funin-chiryo-angel-support") as Program;
    expect(programFidelity(base, source)).toEqual([]);
    const changed: [string, Program][] = [
      ["summary", { ...base, summary: base.summary?.replace("通算5年間", "通算6年間") }],
      ["benefits.0.duration", { ...base, benefits: [{ ...base.benefits![0]!, duration: "通算3年間" }] }],
      ["period.text", { ...base, period: { text: "R2 ~ R7" } }],
      ["kpi.0.target", { ...base, kpi: [{ name: "補助件数", target: "94件" }] }],
      ["eligibility.text", { ...base, eligibility: { text: "18歳以上の方" } }],
      ["name", { ...base, name: "不妊治療サポート事業" }],
      ["department", { ...base, department: "福祉課" }],
    ];
    for (const [field, program] of changed) {
      expect(
        programFidelity(program, source).map((i) => i.field),
        field,
      ).toContain(field);
    }
  });
});

describe("number expressions", () => {
  it.each([
    ["年間10万円を上限に通算5年間", ["10万円", "5年間"]],
    ["1,000円", ["1000円"]],
    ["妊婦健診14回分", ["14回"]],
    ["築10年以上の空き家", ["築10年"]],
    ["0～2歳児", ["0~2歳児"]],
    ["令和6年度まで", ["令和6年度"]],
    ["R2 ~ R6", ["R2", "R6"]],
    ["第3子以降", ["第3子"]],
    ["本市の観光客数 1,616,000人/年", ["1616000人"]],
    ["合計特殊出生率 2.11/年", ["2.11"]],
    ["寄附金額２０．３億円", ["20.3億円"]],
    ["令和3年11月", ["令和3年", "11月"]],
    ["第三子以降は三万円", ["第三子", "三万円"]],
    ["一部を十分に補助", []],
    ["単価 2,500千円", ["2500千円"]],
  ])("%s → %j", (text, expected) => {
    expect(numberExpressions(matchForm(text))).toEqual(expected);
  });

  it.each([
    ["10万円", "年間10万円を上限に", true],
    ["0万円", "年間10万円を上限に", false],
    ["R2", "R2 ~ R6", true],
    ["R2", "R20", false],
    ["1000円", matchForm("利用料 1,000 円"), true],
    ["2", "2.11/年", false],
    ["45", "No.45", true],
  ])("%s in %s: %s", (expression, source, found) => {
    expect(occursIn(expression, source)).toBe(found);
  });

  it.each([
    ["年間10万円を上限", 100000, "円", true],
    ["年間10万円を上限", 10, "万円", true],
    ["年間10万円を上限", 10000, "円", false],
    ["1泊1,000円/人", 1000, "円", true],
    ["補助金 2,500千円", 2500000, "円", true],
    ["補助金 2,500千円", 2500, "千円", true],
    ["月3回まで", 3, "回", true],
    ["月3回まで", 3, "円", false],
  ])("amount %s reads as %d %s: %s", (text, value, unit, agrees) => {
    expect(amountReadsAs(text, value, unit)).toBe(agrees);
  });
});

describe("facts in the field whose meaning they have (the audit's slips)", () => {
  const iizuka = (id: string) => real.program(id) as Program;
  const sourceOf = (p: Program) => realSources.get(p) as string;

  it("a status the source's row states (予算ゼロ, 事業見直し) must be recorded, with the source's words", () => {
    const p = iizuka("iizuka-gaikoku-jinzai-koyo-shien");
    expect(p.status?.value).toBe("見直し中");
    const { status: _status, ...unrecorded } = p;
    expect(programFidelity(unrecorded as Program, sourceOf(p))).toContainEqual(
      expect.objectContaining({ field: "status", message: expect.stringContaining("予算ゼロ") }),
    );
    const misquoted = { ...p, status: { value: "予算ゼロ" as const, quote: "令和6年度は予算ゼロ" } };
    expect(programFidelity(misquoted, sourceOf(p)).map((i) => i.field)).toContain("status.quote");
  });

  it("a row that only mentions 見直し or 終了 in its description needs no status", () => {
    for (const id of ["iizuka-josei-katsuyaku-suishin", "imari-rusu-katei-jido-club"]) {
      const p = real.program(id);
      if (p)
        expect(
          programFidelity(p, sourceOf(p)).map((i) => i.field),
          id,
        ).not.toContain("status");
    }
  });

  it.each(["iizuka-area-wagon", "iizuka-yoyaku-noriai-taxi", "iizuka-community-bus"])(
    "%s files no purpose as eligibility",
    (id) => {
      const p = iizuka(id);
      expect(p.eligibility?.text ?? "").not.toMatch(/を目的と/u);
      const purpose = {
        ...p,
        eligibility: { text: "高齢者等の交通弱者の救済及び交通空白地域居住者の支援を目的として" },
      };
      expect(programFidelity(purpose, sourceOf(p)).map((i) => i.field)).toContain("eligibility.text");
    },
  );

  it("a KPI unit keeps the target's 千/万/億", () => {
    const p = real.programs.find((x) => x.kpi?.some((k) => k.target?.includes("千円"))) as Program;
    expect(p.kpi!.find((k) => k.target?.includes("千円"))!.unit).toBe("千円");
    const dropped = { ...p, kpi: p.kpi!.map((k) => (k.target?.includes("千円") ? { ...k, unit: "円" } : k)) };
    expect(programFidelity(dropped, sourceOf(p))).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining("千円") }),
    );
  });

  it("every name-only row marks the audiences and categories it has as inferred", () => {
    const nameOnly = real.programs.filter((p) => p.nameOnly);
    expect(nameOnly.length).toBeGreaterThanOrEqual(34);
    for (const p of nameOnly) {
      for (const f of ["audiences", "categories"] as const)
        if ((p[f]?.length ?? 0) > 0) expect(p.inferred, `${p.id} ${f}`).toContain(f);
    }
    const p = nameOnly.find((x) => (x.categories?.length ?? 0) > 0)!;
    const { inferred: _inferred, ...unmarked } = p;
    expect(programFidelity(unmarked as Program, sourceOf(p)).map((i) => i.field)).toContain("categories");
  });
});
