// Comparing knowledge text with source text. Both sides go through matchForm: NFKC (full-width digits,
// ①, ㎡ …), HTML tags dropped, every wave dash written "~", no spaces, no thousands separators,
// so "1,000円" in YAML matches "１０００円" or "1,000 円" in a table cell.

export function matchForm(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/<[^>]*>/g, " ")
    .replace(/[~\u301c\u223c\uff5e]/g, "~")
    .replace(/\s+/g, "")
    .replace(/(\d),(?=\d{3}(?!\d))/g, "$1");
}

/** Units a number can carry in these documents; longer spellings first (the regex takes the first that fits). */
const UNITS = [
  "ヶ月間",
  "か月間",
  "カ月間",
  "ヵ月間",
  "ケ月間",
  "ヶ月",
  "か月",
  "カ月",
  "ヵ月",
  "ケ月",
  "箇月",
  "年間",
  "年度",
  "年",
  "月",
  "週間",
  "週",
  "日間",
  "日",
  "時間",
  "時",
  "分",
  "秒",
  "歳児",
  "歳",
  "才",
  "回",
  "人",
  "名",
  "件",
  "世帯",
  "社",
  "品",
  "校",
  "園",
  "箇所",
  "カ所",
  "か所",
  "ヶ所",
  "ヵ所",
  "所",
  "施設",
  "台",
  "頭",
  "羽",
  "本",
  "個",
  "冊",
  "戸",
  "棟",
  "区画",
  "店舗",
  "店",
  "団体",
  "事業者",
  "事業所",
  "事業",
  "組",
  "泊",
  "号",
  "割",
  "%",
  "倍",
  "円",
  "子",
  "階",
  "級",
  "期",
  "次",
  "点",
  "枚",
  "種類",
  "種",
  "軒",
  "ha",
  "m2",
  "km",
  "kg",
];
const NUMBER = String.raw`\d+(?:\.\d+)?`;
const EXPRESSION = new RegExp(
  String.raw`(?:令和|平成|昭和|(?<![A-Za-z])[RH](?=\d)|築|第|満)?(?<!\d|\d\.)${NUMBER}(?:~${NUMBER})?(?:百万|千万|億|万|千|百)?(?:${UNITS.join("|")})?`,
  "g",
);

/**
 * Amounts and counts in kanji numerals (三万円, 第三子, 二回). Only with a unit that makes them a quantity:
 * bare kanji digits are words (一部, 一体, 十分).
 */
const KANJI_EXPRESSION =
  /(?<![\d.])(?:第)?[一二三四五六七八九十百千]+(?:万|億)?(?:円|回|歳|件|世帯|年間|か月|ヶ月|カ月|子|割)/g;

/** The number expressions of a text in match form: "年間10万円を上限に通算5年間" → ["10万円", "5年間"]. */
export function numberExpressions(matchFormText: string): string[] {
  return [...matchFormText.matchAll(EXPRESSION), ...matchFormText.matchAll(KANJI_EXPRESSION)].map((m) => m[0]);
}

/**
 * Whether an expression occurs in the source as a whole: not glued to a digit on either side, so
 * "0万円" is not found inside "10万円" and "R2" not inside "R20".
 */
export function occursIn(expression: string, matchFormSource: string): boolean {
  const escaped = expression.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const tail = /\d$/.test(expression) ? "(?!\\.?\\d)" : "";
  return new RegExp(`(?<!\\d|\\d\\.)${escaped}${tail}`).test(matchFormSource);
}
