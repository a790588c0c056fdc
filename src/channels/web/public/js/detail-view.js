// The detail of one program: every field of its entry, the period-ended notice, the source document and
// its date. Fields the source does not state say so and point to the department, never fill a gap.
import { el, fill } from "./dom.js";
import { badges, departmentText, NOT_STATED, todayJapanese } from "./format.js";

export function renderProgramDetail(container, p, actions) {
  const dept = departmentText(p.department);
  const ask = `${NOT_STATED}。${dept === p.municipality ? `${p.municipality}役所` : `担当課（${dept}）`}にお問い合わせください。`;
  fill(
    container,
    toolbar(actions),
    el(
      "header",
      { class: "detail-head" },
      el("p", { class: "print-only print-kicker", text: `${p.municipality}の支援制度のご案内` }),
      badges({ ...p, sourceDate: p.sourceDocument.date, sourceTitle: p.sourceDocument.title }),
      el("h2", { id: "detail-title", class: "detail-title", tabindex: "-1", text: p.name }),
      p.reading ? el("p", { class: "detail-reading", text: p.reading }) : null,
    ),
    p.status && p.status.value !== "実施中"
      ? el(
          "p",
          { class: "notice", role: "note" },
          el("strong", { text: `状況: ${p.status.value} ` }),
          `資料の記載:「${p.status.quote}」。現在の実施状況は担当課にご確認ください。`,
        )
      : null,
    p.notice ? el("p", { class: "notice", role: "note" }, el("strong", { text: "ご注意 " }), p.notice) : null,
    p.nameOnly
      ? el("p", {
          class: "notice notice-muted",
          role: "note",
          text: `資料には事業名のみ記載されています。内容は${dept === p.municipality ? `${p.municipality}役所` : `担当課（${dept}）`}にお問い合わせください。`,
        })
      : null,
    el(
      "dl",
      { class: "fields" },
      field("概要", p.summary ? el("p", { class: "pre-line", text: p.summary }) : NOT_STATED),
      field("対象", eligibility(p)),
      field("支援の内容", benefits(p.benefits)),
      field("金額", amounts(p.benefits) || ask),
      field("申請方法", p.application ? el("p", { class: "pre-line", text: p.application }) : ask),
      field("担当課", dept),
      field(
        "期間",
        p.period
          ? `${p.period.text}${p.periodSpan && p.periodSpan !== p.period.text ? `（${p.periodSpan}）` : ""}`
          : NOT_STATED,
      ),
      field("分野", inferred(p, "categories", list(p.categories))),
      field("対象者の区分", inferred(p, "audiences", list(p.audiences))),
      p.aliases?.length ? field("別名", p.aliases.join("、")) : null,
      p.kpi?.length
        ? field(
            "目標指標",
            el(
              "ul",
              { class: "plain" },
              p.kpi.map((k) => el("li", { text: k.target ? `${k.name}: ${k.target}` : k.name })),
            ),
          )
        : null,
      field("自治体", p.prefecture ? `${p.prefecture} ${p.municipality}` : p.municipality),
    ),
    el(
      "section",
      { class: "source", "aria-label": "出典" },
      el("h3", { class: "source-title", text: "出典" }),
      el(
        "p",
        {},
        `「${p.sourceDocument.title}」`,
        el("span", { class: "source-date", text: `（資料の日付: ${p.sourceDocument.date}）` }),
      ),
      el("p", { class: "source-place", text: `記載箇所: ${p.source.place}` }),
      el("p", {
        class: "source-note",
        text: `この内容は資料の時点の情報です。最新の状況は担当課にご確認ください。 表示日: ${todayJapanese()}　ID: ${p.id}`,
      }),
    ),
    staffFactsSection(p.staffFacts),
  );
}

/** Facts staff confirmed, beside the document's: each with who, department and date (never merged into the fields above). */
function staffFactsSection(facts) {
  if (!facts || facts.length === 0) return null;
  return el(
    "section",
    { class: "source staff-facts", "aria-label": "職員が確認した情報" },
    el("h3", { class: "source-title", text: "職員が確認した情報" }),
    el(
      "ul",
      { class: "plain" },
      facts.map((f) => el("li", { text: f.text })),
    ),
  );
}

export function renderFaqDetail(container, f, actions) {
  fill(
    container,
    toolbar(actions),
    el(
      "header",
      { class: "detail-head" },
      badges({ ...f, type: "faq" }),
      el("h2", { id: "detail-title", class: "detail-title", tabindex: "-1", text: f.question }),
    ),
    el(
      "dl",
      { class: "fields" },
      field("回答", el("p", { class: "pre-line", text: f.answer })),
      f.category ? field("分類", f.category) : null,
      f.department ? field("担当課", f.department) : null,
      f.url ? field("参考", f.url) : null,
    ),
    f.source && f.source.kind === "staff"
      ? el(
          "section",
          { class: "source", "aria-label": "出典" },
          el("h3", { class: "source-title", text: "出典" }),
          el("p", { text: `職員の回答（${f.source.department} ${f.source.by} 確認 ${f.source.date}）` }),
          f.source.validUntil ? el("p", { class: "source-note", text: `${f.source.validUntil}まで有効` }) : null,
        )
      : null,
    el("p", { class: "source-note", text: `表示日: ${todayJapanese()}　ID: ${f.id}` }),
  );
}

export function renderDetailError(container, message, actions) {
  fill(
    container,
    toolbar({ ...actions, print: undefined }),
    el("p", { class: "notice", role: "alert", text: message }),
  );
}

function toolbar(actions) {
  return el(
    "div",
    { class: "detail-toolbar no-print" },
    el("button", {
      type: "button",
      class: "button secondary",
      "data-action": "back",
      onclick: actions.back,
      text: "← 検索結果に戻る",
    }),
    actions.print
      ? el("button", {
          type: "button",
          class: "button primary",
          "data-action": "print",
          onclick: actions.print,
          text: "印刷する（A4）",
        })
      : null,
  );
}

function field(label, value) {
  return el("div", { class: "field" }, el("dt", { text: label }), el("dd", {}, value || NOT_STATED));
}

function list(values) {
  return values?.length ? values.join("、") : null;
}

function eligibility(p) {
  const e = p.eligibility;
  const conditions = e?.conditions ? e.conditions.map((c) => c.text) : [];
  if (!e || (!e.text && conditions.length === 0))
    return p.audiences?.length ? `${p.audiences.join("・")}向け（資料に詳しい条件の記載はありません）` : null;
  return el(
    "div",
    {},
    e.text ? el("p", { class: "pre-line", text: e.text }) : null,
    conditions.length
      ? el(
          "ul",
          { class: "plain" },
          conditions.map((c) => el("li", { text: c })),
        )
      : null,
  );
}

function benefits(items) {
  if (!items || items.length === 0) return null;
  return el(
    "ul",
    { class: "plain benefits" },
    items.map((b) =>
      el(
        "li",
        {},
        el("span", { class: "benefit-kind", text: b.kind }),
        b.text ? ` ${b.text}` : "",
        b.duration ? `（${b.duration}）` : "",
      ),
    ),
  );
}

function amounts(items) {
  const all = (items || []).flatMap((b) => b.amounts || []);
  if (all.length === 0) return null;
  return el(
    "ul",
    { class: "plain amounts" },
    all.map((a) => el("li", { text: a.text })),
  );
}

/** A value the source does not state but was inferred from the program's name is marked as such. */
function inferred(p, name, value) {
  return value && p.inferred?.includes(name) ? `${value}（事業名からの推定）` : value;
}
