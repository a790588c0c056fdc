// No answer states an amount, condition, department or date that is not in the knowledge entry it is
// about: every program × every aspect is rendered as the resident would see it, and every number, every
// department (…課), every city office and every bullet line is traced back to the entry or its source
// document's title and date. A deliberately wrong answer shows the check can fail.
import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeOrThrow } from "../../src/knowledge/load.js";
import type { KnowledgeBase } from "../../src/knowledge/knowledge-base.js";
import type { Program } from "../../src/knowledge/schema.js";
import { ASPECTS } from "../../src/dialogue/intents/intent-schema.js";
import { answerAspect } from "../../src/dialogue/answer/aspect-answer.js";
import { listAnswer } from "../../src/dialogue/answer/list-answer.js";
import { renderPlainText } from "../../src/dialogue/reply/render-plain-text.js";
import { warekiFiscalYear } from "../../src/dialogue/answer/period.js";
import { TODAY } from "./engine-harness.js";
import { analyzeMessage } from "../../src/text/analysis.js";
import { createJapaneseTokenizer, type JapaneseTokenizer } from "../../src/text/tokenizer.js";
import { loadDialogueData, type DialogueData } from "../../src/dialogue/intents/load-dialogue-data.js";
import { questionFillerKeys } from "../../src/dialogue/intents/topic-words.js";
import { questionTerms } from "../../src/dialogue/intents/question-terms.js";
import { PassageReader } from "../../src/dialogue/answer/passage-match.js";
import { listQuestionAnswer, programQuestionAnswer } from "../../src/dialogue/answer/passage-answer.js";

let kb: KnowledgeBase;
let tokenizer: JapaneseTokenizer;
let data: DialogueData;
beforeAll(async () => {
  [kb, tokenizer, data] = await Promise.all([
    loadKnowledgeOrThrow("knowledge"),
    createJapaneseTokenizer(),
    loadDialogueData("intents"),
  ]);
});

const flat = (s: string) => s.normalize("NFKC").replace(/(\d),(?=\d{3})/gu, "$1");

/** Every string and number of the entry and its source document's title and date. */
function evidence(p: Program): string {
  const doc = kb.sourceOf(p);
  const years = [p.period?.fromFiscalYear, p.period?.toFiscalYear].flatMap((y) =>
    y === undefined ? [] : [warekiFiscalYear(y)],
  );
  return flat([JSON.stringify(p), doc.title, doc.date, ...years].join("\n"));
}

/** What in an answer does not come from the entry: numbers, departments, city offices, bullet lines. */
function unsupported(answer: string, p: Program): string[] {
  const text = flat(answer);
  const source = evidence(p);
  const sourceNumbers = new Set(source.match(/\d+(?:\.\d+)?/gu) ?? []);
  const problems: string[] = [];
  for (const n of text.match(/\d+(?:\.\d+)?/gu) ?? []) if (!sourceNumbers.has(n)) problems.push(`number ${n}`);
  for (const d of text.match(/[^\s、。「」（）()【】・:：/]+課(?!後)/gu) ?? [])
    if (!d.endsWith("担当課") && !source.includes(d)) problems.push(`department ${d}`);
  for (const m of text.matchAll(/担当(?:課（|: )([^\s）)]+)/gu)) {
    for (const d of m[1]!
      .replace(/^\S+?市役所/u, "")
      .split("・")
      .filter(Boolean))
      if (!source.includes(d)) problems.push(`department ${d}`);
  }
  for (const m of text.matchAll(/役所/gu)) {
    const city = kb.municipalities.map((x) => x.name).find((name) => text.slice(0, m.index).endsWith(name));
    if (city !== p.municipality) problems.push(`office ${city ?? "?"}役所`);
  }
  for (const line of text.split("\n").filter((l) => l.startsWith("・")))
    if (!source.includes(line.slice(1))) problems.push(`line ${line}`);
  return problems;
}

describe("answers state only facts from their entry", () => {
  it("for every program and every aspect", () => {
    const problems: string[] = [];
    let answers = 0;
    for (const p of kb.programs) {
      for (const aspect of ASPECTS) {
        const text = renderPlainText(answerAspect(p, aspect, { kb, now: TODAY, hasList: false }));
        answers++;
        for (const u of unsupported(text, p)) problems.push(`${p.id} / ${aspect}: ${u}`);
      }
    }
    expect(answers).toBe(kb.programs.length * ASPECTS.length);
    expect(problems).toEqual([]);
  });

  it("for the aspect shown beside each program of a list", () => {
    const problems: string[] = [];
    const items = ASPECTS.flatMap((aspect) =>
      kb.programs
        .flatMap((_, i) =>
          i % 5 === 0
            ? listAnswer(kb.programs.slice(i, i + 5), { intent: aspect, lead: "", pendingAspect: aspect, kb }).list
            : [],
        )
        .map((item) => ({ aspect, item })),
    );
    expect(items).toHaveLength(kb.programs.length * ASPECTS.length);
    for (const { aspect, item } of items) {
      {
        const p = kb.program(item.programId!)!;
        for (const u of unsupported(item.detail ?? "", p)) problems.push(`${p.id} / list ${aspect}: ${u}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("every program answer names its source document and that document's date", () => {
    for (const p of kb.programs) {
      const doc = kb.sourceOf(p);
      for (const aspect of ASPECTS) {
        const text = renderPlainText(answerAspect(p, aspect, { kb, now: TODAY, hasList: false }));
        expect(text, `${p.id} / ${aspect}`).toContain(doc.title);
        expect(text, `${p.id} / ${aspect}`).toContain(doc.date);
      }
    }
  });

  it("for questions answered by quoting the entry, alone, with a card, with an aspect, and for a list", () => {
    // questions with words many entries have, and numbers: every quote must be the entry's own text
    const questions = [
      "何年間？",
      "何時まで？",
      "何歳から？",
      "何回？",
      "いつ開催？",
      "子どもは？",
      "高齢者は？",
      "市内の事業者は？",
      "補助の上限は何円？",
      "ペットは？",
    ];
    const reader = new PassageReader(tokenizer);
    const ctx = { kb, now: TODAY, hasList: false };
    const problems: string[] = [];
    let quoted = 0;
    for (const q of questions) {
      const terms = questionTerms(analyzeMessage(q, tokenizer), [], questionFillerKeys(data.fillers), data.askedUnits);
      const matches = kb.programs.map((p) => reader.match(p, terms));
      for (const m of matches) {
        quoted += m.quotes.length;
        const answers = [
          programQuestionAnswer(m, ctx, { intent: "find" }),
          programQuestionAnswer(m, ctx, { intent: "find", withCard: true }),
          programQuestionAnswer(m, ctx, { intent: "eligibility", aspect: "eligibility" }),
        ];
        for (const r of answers)
          for (const u of unsupported(renderPlainText(r), m.program)) problems.push(`${m.program.id} / ${q}: ${u}`);
        const source = kb.sourceOf(m.program);
        expect(renderPlainText(answers[0]!)).toContain(source.date);
      }
      for (let i = 0; i < matches.length; i += 5) {
        for (const item of listQuestionAnswer(matches.slice(i, i + 5), ctx, "find").list) {
          const p = kb.program(item.programId!)!;
          const quotes = item.detail === "出典に記載なし" ? [] : (item.detail ?? "").split(" / ");
          for (const u of unsupported(quotes.map((l) => `・${l}`).join("\n"), p))
            problems.push(`${p.id} / list ${q}: ${u}`);
        }
      }
    }
    expect(quoted).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it("catches an invented amount, department, city office or condition", () => {
    const p = kb.program("imari-funin-chiryo-angel-support")!;
    const honest = renderPlainText(answerAspect(p, "amount", { kb, now: TODAY, hasList: false }));
    expect(unsupported(honest, p)).toEqual([]);
    expect(unsupported(`${honest}\n上限は20万円です`, p)).toContain("number 20");
    expect(unsupported(`${honest}\n担当: こども家庭課`, p)).toContain("department こども家庭課");
    expect(unsupported(`${honest}\n飯塚市役所へ`, p)).toContain("office 飯塚市役所");
    expect(unsupported(`${honest}\n・所得制限があります`, p)).toContain("line ・所得制限があります");
  });
});
