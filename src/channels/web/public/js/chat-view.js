// The chat pane: staff type as a resident would and see what the conversation engine answers on LINE —
// its text, numbered list, program cards and suggested next actions (buttons that send an action).
import { postJson } from "./api.js";
import { el, fill } from "./dom.js";
import { departmentText, fact } from "./format.js";

const SESSION_KEY = "madoguchi.chat.session";

export function createChat({ log, form, input, resetButton, municipality }) {
  let session = sessionStorage.getItem(SESSION_KEY) || newSession();
  let busy = false;

  function showIntro() {
    fill(
      log,
      el("li", {
        class: "chat-intro",
        text: "住民の方になったつもりで質問を入力してください。例:「不妊治療の助成ある？」→「いくらまで？」",
      }),
    );
  }

  async function send(payload, shownAs) {
    if (busy) return;
    busy = true;
    form.classList.add("is-busy");
    log.append(el("li", { class: "msg msg-user" }, el("p", { class: "bubble", text: shownAs })));
    const waiting = el(
      "li",
      { class: "msg msg-bot is-waiting", "aria-label": "応答を待っています" },
      el("p", { class: "bubble", text: "…" }),
    );
    log.append(waiting);
    scroll();
    try {
      const { reply } = await postJson("/api/chat", { session, municipality: municipality() || null, ...payload });
      waiting.replaceWith(botMessage(reply, send));
    } catch (e) {
      waiting.replaceWith(
        el(
          "li",
          { class: "msg msg-error" },
          el("p", { class: "bubble", text: `送信できませんでした（${e.message}）` }),
        ),
      );
    } finally {
      busy = false;
      form.classList.remove("is-busy");
      scroll();
    }
  }

  function scroll() {
    log.scrollTop = log.scrollHeight;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || busy) return;
    input.value = "";
    send({ text }, text);
  });
  resetButton.addEventListener("click", () => {
    session = newSession();
    showIntro();
    input.focus();
  });
  showIntro();
}

/** A new conversation id, kept for this tab so a reload continues the conversation. */
function newSession() {
  const id = crypto.randomUUID();
  sessionStorage.setItem(SESSION_KEY, id);
  return id;
}

/** One answer: its text, numbered list, cards and suggestion chips; `send(payload, shownAs)` is a new turn. */
function botMessage(reply, send) {
  return el(
    "li",
    { class: `msg msg-bot${reply.noMatch ? " is-no-match" : ""}`, dataset: { intent: reply.intent } },
    el("p", { class: "bubble pre-line", text: reply.text }),
    reply.list.length
      ? el(
          "ol",
          { class: "chat-list" },
          reply.list.map((item) =>
            el(
              "li",
              {},
              el(
                "button",
                { type: "button", class: "chat-list-item", onclick: () => chooseListItem(item, send) },
                el("span", { class: "chat-list-n", text: `${item.n}.` }),
                " ",
                item.label,
                item.detail ? el("span", { class: "chat-list-detail pre-line", text: item.detail }) : null,
              ),
            ),
          ),
        )
      : null,
    reply.listFooter ? el("p", { class: "bubble pre-line", text: reply.listFooter }) : null,
    reply.cards.map((c) => chatCard(c, reply.cards.length === 1)),
    reply.suggestions.length
      ? el(
          "div",
          { class: "chips", role: "group", "aria-label": "次の質問の候補" },
          reply.suggestions.map((s) =>
            el("button", {
              type: "button",
              class: "chip",
              onclick: () => send({ action: s.action }, s.label),
              text: s.label,
            }),
          ),
        )
      : null,
  );
}

/** A list item with a program selects it; one without (a plain choice) is sent as 「N番」, as a resident would type. */
function chooseListItem(item, send) {
  if (item.programId) send({ action: { kind: "select", programId: item.programId } }, `${item.n}番`);
  else send({ text: `${item.n}番` }, `${item.n}番`);
}

/** A program card; shown `alone` (a 詳しく answer) it carries the whole summary with its line breaks. */
function chatCard(c, alone) {
  const summary = alone ? (c.fullSummary ?? c.summary) : c.summary;
  return el(
    "div",
    { class: `chat-card${c.periodEnded ? " is-ended" : ""}` },
    el("p", { class: "chat-card-title", text: c.name }),
    el("p", { class: "chat-card-city", text: c.municipality }),
    summary ? el("p", { class: `chat-card-summary${alone ? " pre-line" : ""}`, text: summary }) : null,
    fact("金額", c.amountText),
    fact("対象", c.forWhom),
    fact("担当", departmentText(c.department)),
    c.status ? el("p", { class: "chat-card-notice", text: `状況: ${c.status}` }) : null,
    c.notice ? el("p", { class: "chat-card-notice", text: c.notice }) : null,
    el("p", { class: "chat-card-source", text: `出典: ${c.sourceTitle}（${c.sourceDate}）` }),
    ...(c.staffFacts || []).map((f) =>
      el("p", { class: "chat-card-source chat-card-staff", text: `職員確認 ${f.text}` }),
    ),
    el("a", { class: "chat-card-link", href: `#/programs/${encodeURIComponent(c.id)}`, text: "詳細を表示" }),
  );
}
