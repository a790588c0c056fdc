// Why each program is listed, and what the city's knowledge lacks, in the search's own evidence.
import { describe, expect, it } from "vitest";
import { notThereLine, whyMatched } from "../../src/dialogue/answer/match-reasons.js";

describe("whyMatched", () => {
  it.each([
    [
      [
        { term: "出産", field: "name", expanded: false },
        { term: "第3子", field: "eligibility", expanded: false },
      ],
      "一致: 出産・第3子",
    ],
    [
      [
        { term: "出産", field: "name", expanded: false },
        { term: "出産", field: "summary", expanded: false },
      ],
      "一致: 出産",
    ],
    [[{ term: "会社", field: "summary", expanded: true }], "関連する言葉: 会社"],
    [
      [
        { term: "移住", field: "name", expanded: false },
        { term: "引っ越し", field: "summary", expanded: true },
      ],
      "一致: 移住 / 関連する言葉: 引っ越し",
    ],
  ])("%j → %s", (matched, line) => {
    expect(whyMatched(matched)).toBe(line);
  });

  it("says nothing without evidence (an index without the contract's fields)", () => {
    expect(whyMatched(undefined)).toBeUndefined();
    expect(whyMatched([])).toBeUndefined();
  });
});

describe("notThereLine", () => {
  it("says plainly what the city's documents lack", () => {
    expect(notThereLine("伊万里市", ["出産祝い金"])).toBe("伊万里市の資料には出産祝い金の制度は見当たりません。");
    expect(notThereLine("伊万里市・飯塚市", ["児童手当", "児童手当"])).toBe(
      "伊万里市・飯塚市の資料には児童手当の制度は見当たりません。",
    );
  });

  it("says nothing when every word was matched or the index gives no evidence", () => {
    expect(notThereLine("伊万里市", [])).toBeUndefined();
    expect(notThereLine("伊万里市", undefined)).toBeUndefined();
  });
});
