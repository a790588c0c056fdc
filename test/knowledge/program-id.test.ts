// Readable ids for imported programs, and the Japanese year expressions the import and the fidelity
// checks read.
import { describe, expect, it } from "vitest";
import { katakanaToRomaji } from "../../src/knowledge/import/romaji.js";
import { programId, romajiWords, uniqueIds } from "../../src/knowledge/import/program-id.js";
import { fiscalYearRange, yearsIn } from "../../src/knowledge/fiscal-years.js";
import { createJapaneseTokenizer } from "../../src/text/tokenizer.js";

describe("katakanaToRomaji", () => {
  it.each([
    ["イジュウ", "iju"],
    ["テイジュウ", "teiju"],
    ["ソクシン", "sokushin"],
    ["ジギョウ", "jigyo"],
    ["ショウガイジ", "shogaiji"],
    ["エンゼルサポート", "enzerusapoto"],
    ["センター", "senta"],
    ["ファミリー", "famiri"],
    ["マッチング", "matchingu"],
    ["キッチン", "kitchin"],
    ["オオカワチヤマ", "okawachiyama"],
    ["ちくぜんあかね", "chikuzenakane"],
    ["ヴァイオリン", "vaiorin"],
    ["パーティー", "pati"],
  ])("%s → %s", (kana, roman) => {
    expect(katakanaToRomaji(kana)).toBe(roman);
  });
});

describe("program ids", async () => {
  const tokenizer = await createJapaneseTokenizer();

  it.each([
    ["移住・定住促進事業", "imari", "imari-iju-teiju-sokushin"],
    ["外国人材雇用支援事業", "iizuka", "iizuka-gaikoku-jinzai-koyo-shien"],
    ["不妊治療エンゼルサポート事業", "imari", "imari-funin-chiryo-enzeru-sapoto"],
    [
      "新産業創出支援センター(トライバレーセンター)管理運営事業",
      "iizuka",
      "iizuka-shin-sangyo-soshutsu-shien-senta-torai-bare-senta",
    ],
    ["ICT教育推進事業", "imari", "imari-ict-kyoiku-suishin"],
  ])("%s → %s", (name, prefix, id) => {
    expect(programId(prefix, romajiWords(name, tokenizer))).toBe(id);
  });

  it("stays at most 60 characters, cut between words", () => {
    const id = programId(
      "iizuka",
      romajiWords("新産業創出支援センター(トライバレーセンター)管理運営事業におけるオフィス提供の拡充", tokenizer),
    );
    expect(id.length).toBeLessThanOrEqual(60);
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("numbers repeats and avoids ids already taken", () => {
    expect(uniqueIds(["a", "b", "a", "a"], new Set(["b"]))).toEqual(["a", "b-2", "a-2", "a-3"]);
  });
});

describe("fiscal years", () => {
  it.each([
    ["R2 ~ R6", [2020, 2024]],
    ["令和2年度から令和6年度までの5年間", [2020, 2024]],
    ["令和元年度", [2019]],
    ["平成30年度～令和2年度", [2018, 2020]],
    ["2021年度", [2021]],
    ["通年", []],
  ])("%s → %j", (text, years) => {
    expect(yearsIn(text)).toEqual(years);
  });

  it("gives the range a period names", () => {
    expect(fiscalYearRange("R2 ~ R6")).toEqual({ from: 2020, to: 2024 });
    expect(fiscalYearRange("随時")).toBeUndefined();
  });
});
