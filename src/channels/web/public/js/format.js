// Small pieces of wording shared by the views. Facts always come from the API; these only arrange them.
import { el } from "./dom.js";

export const NOT_STATED = "資料に記載がありません";

export function departmentText(department) {
  return Array.isArray(department) ? department.join("・") : department;
}

/** The badges on a card: municipality, the period-ended notice, the source date. */
export function badges(entry) {
  return el(
    "div",
    { class: "badges" },
    entry.municipality ? el("span", { class: "badge badge-city", text: entry.municipality }) : null,
    entry.type === "faq" ? el("span", { class: "badge", text: "よくある質問" }) : null,
    entry.periodEnded ? el("span", { class: "badge badge-ended", text: "期間終了" }) : null,
    entry.nameOnly ? el("span", { class: "badge badge-muted", text: "事業名のみ" }) : null,
    entry.sourceDate
      ? el("span", { class: "badge badge-source", title: entry.sourceTitle || "", text: `資料: ${entry.sourceDate}` })
      : null,
  );
}

/** A label–value line of a card; left out when the value is empty. */
export function fact(label, value) {
  if (!value) return null;
  return el(
    "div",
    { class: "fact" },
    el("span", { class: "fact-label", text: label }),
    el("span", { class: "fact-value", text: value }),
  );
}

/** Today in Japan, as 2025年6月1日. */
export function todayJapanese(now = new Date()) {
  const parts = new Intl.DateTimeFormat("ja-JP", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "long",
    day: "numeric",
  }).format(now);
  return parts;
}
