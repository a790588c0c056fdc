// maskPersonalData: what may never reach a log. Each row is how people really write these numbers.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { maskPersonalData, maskScanned, MASKS } from "../../src/text/mask-personal-data.js";

const { email: MAIL, myNumber: MY, phone: TEL } = MASKS;

describe("maskPersonalData", () => {
  it.each([
    // My Number: 12 digits, grouped 4-4-4 or not, half- or full-width
    ["マイナンバーは123456789012です", `マイナンバーは${MY}です`],
    ["番号 1234 5678 9012 で申請", `番号 ${MY} で申請`],
    ["1234-5678-9012", MY],
    ["個人番号１２３４５６７８９０１２", `個人番号${MY}`],
    ["１２３４ ５６７８ ９０１２です", `${MY}です`],
    // phone numbers: mobile, landline with a 4-digit area code, +81, parentheses, IME dashes
    ["090-1234-5678に電話ください", `${TEL}に電話ください`],
    ["携帯は09012345678", `携帯は${TEL}`],
    ["0955-23-2111（代表）", `${TEL}（代表）`],
    ["(0948)22-5500", TEL],
    ["+81 90 1234 5678", TEL],
    ["+81-955-23-2111まで", `${TEL}まで`],
    ["０９０ー１２３４ー５６７８", TEL],
    ["電話 0948-22-5500 または 090-9876-5432", `電話 ${TEL} または ${TEL}`],
    // e-mail
    ["taro.yamada@example.co.jp に送って", `${MAIL} に送って`],
    ["ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", MAIL],
    ["連絡先: a_b+c@mail.example.com / 090-1111-2222", `連絡先: ${MAIL} / ${TEL}`],
  ])("masks %s", (input, expected) => {
    expect(maskPersonalData(input)).toBe(expected);
  });

  it.each([
    "不妊治療の助成は年間10万円が上限です",
    "令和3年11月 2021-11-01",
    "〒849-8501 伊万里市立花町1355番地1",
    "第2子以降の保育料",
    "受付は8時30分から17時15分まで",
    "100000円",
    "平成23年11月に開館",
  ])("leaves ordinary text alone: %s", (input) => {
    expect(maskPersonalData(input)).toBe(input);
  });
});

describe("maskPersonalData's shortcut (strings without an @ and with fewer than 10 digits)", () => {
  // Characters the patterns care about, so that random strings come close to and across the thresholds.
  const pieces = [
    "0",
    "1",
    "9",
    "０",
    "５",
    "-",
    "ー",
    " ",
    "(",
    ")",
    "+81",
    "@",
    "＠",
    "a",
    ".jp",
    "電話",
    "です",
    "\u3000",
  ];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(""));

  it("gives exactly what the full scan gives", () => {
    fc.assert(
      fc.property(text, (t) => maskPersonalData(t) === maskScanned(t)),
      { numRuns: 5_000 },
    );
  });

  it("still masks a number right at the threshold", () => {
    expect(maskPersonalData("0955232111")).toBe(TEL); // 10 digits: a landline
    expect(maskPersonalData("095523211")).toBe("095523211"); // 9: nothing to mask
  });
});
