// Fiscal years end on 31 March of the next year, in Japan's time zone; 和暦 as the answers write them.
import { describe, expect, it } from "vitest";
import { japanDate, periodEnded, warekiFiscalYear } from "../../src/dialogue/answer/period.js";
import type { Program } from "../../src/knowledge/schema.js";

const program = (toFiscalYear?: number): Program => ({
  id: "x",
  municipality: "伊万里市",
  name: "テスト事業",
  department: "テスト課",
  source: { document: "d", place: "p" },
  ...(toFiscalYear === undefined ? {} : { period: { text: "R2 ~ R6", fromFiscalYear: 2020, toFiscalYear } }),
});

describe("periodEnded", () => {
  it.each([
    ["2025-03-31T23:59:00+09:00", 2024, false],
    ["2025-04-01T00:00:00+09:00", 2024, true],
    ["2025-03-31T15:00:00Z", 2024, true], // already 1 April in Japan
    ["2026-11-21T12:00:00+09:00", 2024, true],
    ["2026-11-21T12:00:00+09:00", 2026, false],
    ["2026-11-21T12:00:00+09:00", undefined, false],
  ] as const)("at %s a period to FY%s has ended: %s", (now, to, ended) => {
    expect(periodEnded(program(to), new Date(now))).toBe(ended);
  });

  it("reads today in Japan's time zone", () => {
    expect(japanDate(new Date("2025-03-31T14:59:59Z"))).toBe("2025-03-31");
    expect(japanDate(new Date("2025-03-31T15:00:00Z"))).toBe("2025-04-01");
  });
});

describe("warekiFiscalYear", () => {
  it.each([
    [2024, "令和6年度"],
    [2020, "令和2年度"],
    [2019, "令和元年度"],
    [2018, "平成30年度"],
    [1989, "平成元年度"],
  ] as const)("%s → %s", (year, text) => {
    expect(warekiFiscalYear(year)).toBe(text);
  });
});
