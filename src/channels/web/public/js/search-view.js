// The result list: one card per program or FAQ entry, each a link to its detail (#/programs/<id>).
import { el, fill } from "./dom.js";
import { badges, departmentText, fact } from "./format.js";

export function entryHref(entry) {
  return `#/${entry.type === "faq" ? "faqs" : "programs"}/${encodeURIComponent(entry.id)}`;
}

export function renderResults(container, status, response, request) {
  fill(status, statusText(response, request));
  status.classList.toggle("is-empty", response.results.length === 0);
  if (response.results.length === 0) {
    fill(container, emptyState(request));
    return;
  }
  fill(
    container,
    el(
      "ol",
      { class: "cards" },
      response.results.map((r, i) => el("li", {}, resultCard(r, i))),
    ),
  );
}

export function renderWelcome(container, status, facets) {
  fill(status, "");
  status.classList.remove("is-empty");
  const total = facets ? facets.municipalities.reduce((n, m) => n + m.programs, 0) : 0;
  fill(
    container,
    el(
      "div",
      { class: "welcome" },
      el("p", { class: "welcome-lead", text: "住民の方のご相談内容をそのまま入力するか、分野を選んでください。" }),
      facets
        ? el("p", {
            class: "welcome-note",
            text: `${facets.municipalities.map((m) => `${m.name} ${m.programs}件`).join("・")}（計 ${total}件）の制度を案内できます。`,
          })
        : null,
      el("p", {
        class: "welcome-note",
        text: "結果を選ぶと、資料に書かれたすべての項目と出典・資料の日付を表示します。そのまま印刷して住民の方にお渡しできます。",
      }),
    ),
  );
}

export function renderError(container, status, message) {
  fill(status, message);
  status.classList.add("is-empty");
  fill(container);
}

function statusText(response, request) {
  const filters = [request.municipality, request.category, request.audience].filter(Boolean).join("・");
  const scope = filters ? `（${filters}）` : "";
  if (response.results.length === 0) {
    return request.q
      ? `「${request.q}」${scope}に該当する制度は見つかりませんでした。`
      : `${scope}に該当する制度はありません。`;
  }
  const more = response.total > response.results.length ? `（上位 ${response.results.length}件を表示）` : "";
  return request.q
    ? `「${request.q}」${scope}の検索結果 ${response.total}件${more}`
    : `${filters}の制度 ${response.total}件${more}`;
}

function emptyState(request) {
  return el(
    "div",
    { class: "empty" },
    el("p", {
      text: request.q ? "言葉を言い換えるか、分野や対象の条件を外してお試しください。" : "条件を変えてお試しください。",
    }),
    el("p", {
      class: "empty-note",
      text: "資料にない制度については、市役所の担当課へのお問い合わせをご案内ください。",
    }),
  );
}

function resultCard(r, index) {
  const summary =
    r.type === "faq" ? r.summary : r.summary || (r.nameOnly ? "資料には事業名のみ記載されています。" : null);
  return el(
    "a",
    {
      class: `card${r.periodEnded ? " is-ended" : ""}`,
      href: entryHref(r),
      dataset: { id: r.id, index: String(index) },
    },
    badges(r),
    el("h3", { class: "card-title", text: r.name }),
    summary ? el("p", { class: "card-summary", text: summary }) : null,
    el(
      "div",
      { class: "card-facts" },
      fact("金額", r.amountText),
      fact("対象", r.forWhom),
      fact("担当", r.department ? departmentText(r.department) : null),
      fact("分類", r.type === "faq" ? r.category : null),
    ),
  );
}
