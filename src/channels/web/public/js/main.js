// The front-desk page: search as you type, filters, result cards, the detail view (#/programs/<id>),
// printing, and the chat pane. Everything shown is built with DOM calls (dom.js), never parsed as HTML.
import { getJson } from "./api.js";
import { fill } from "./dom.js";
import { renderResults, renderWelcome, renderError } from "./search-view.js";
import { renderProgramDetail, renderFaqDetail, renderDetailError } from "./detail-view.js";
import { fillCounts, fillFilters, markLifeEvent } from "./filters.js";
import { createChat } from "./chat-view.js";
import { installKeyboard } from "./keyboard.js";

const $ = (id) => document.getElementById(id);
const ui = {
  form: $("search-form"),
  input: $("search-input"),
  status: $("result-status"),
  results: $("results"),
  detail: $("detail"),
  municipality: $("filter-municipality"),
  category: $("filter-category"),
  audience: $("filter-audience"),
  clear: $("filter-clear"),
  lifeEvents: $("life-events"),
  kbStatus: $("kb-status"),
  chatToggle: $("chat-toggle"),
};
const TYPING_DELAY_MS = 180;
let facets = null;
let searchSeq = 0;
let inFlight = null;
let typingTimer = 0;
let lastOpened = null;

function currentRequest() {
  return {
    q: ui.input.value.trim(),
    municipality: ui.municipality.value,
    category: ui.category.value,
    audience: ui.audience.value,
  };
}

async function runSearch() {
  clearTimeout(typingTimer);
  const request = currentRequest();
  rememberInUrl(request);
  markLifeEvent(ui.lifeEvents, request.category);
  if (inFlight) inFlight.abort();
  const seq = ++searchSeq;
  if (!request.q && !request.municipality && !request.category && !request.audience) {
    renderWelcome(ui.results, ui.status, facets);
    return;
  }
  inFlight = new AbortController();
  ui.results.setAttribute("aria-busy", "true");
  try {
    const response = await getJson("/api/search", { ...request, limit: 50 }, inFlight.signal);
    if (seq === searchSeq) renderResults(ui.results, ui.status, response, request);
  } catch (e) {
    if (e.name !== "AbortError" && seq === searchSeq)
      renderError(ui.results, ui.status, `検索できませんでした（${e.message}）`);
  } finally {
    if (seq === searchSeq) ui.results.removeAttribute("aria-busy");
  }
}

function rememberInUrl(request) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(request)) if (v) params.set(k, v);
  const query = params.toString();
  history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
}

// ---- detail view (hash routing: #/programs/<id>, #/faqs/<id>) ----

const detailActions = {
  back: () => closeDetail(),
  print: () => window.print(),
};

async function route() {
  const m = /^#\/(programs|faqs)\/(.+)$/.exec(location.hash);
  if (!m) return showList();
  const kind = m[1];
  const id = decodeURIComponent(m[2]);
  if (window.matchMedia("(max-width: 1080px)").matches) setChatOpen(false); // the pane covers the page there
  lastOpened = id;
  document.body.classList.add("is-detail");
  ui.detail.hidden = false;
  ui.detail.setAttribute("aria-busy", "true");
  try {
    const entry = await getJson(`/api/${kind}/${encodeURIComponent(id)}`);
    if (kind === "programs") renderProgramDetail(ui.detail, entry, detailActions);
    else renderFaqDetail(ui.detail, entry, detailActions);
    document.title = `${entry.name} — 窓口`;
  } catch (e) {
    renderDetailError(
      ui.detail,
      e.status === 404
        ? "この制度は見つかりませんでした（知識が更新された可能性があります）。"
        : `表示できませんでした（${e.message}）`,
      detailActions,
    );
  } finally {
    ui.detail.removeAttribute("aria-busy");
  }
  const title = document.getElementById("detail-title");
  (title || ui.detail).focus();
  window.scrollTo(0, 0);
}

function showList() {
  document.body.classList.remove("is-detail");
  ui.detail.hidden = true;
  fill(ui.detail);
  document.title = "窓口 — 支援制度のご案内（窓口職員用）";
  const card = lastOpened ? ui.results.querySelector(`a.card[data-id="${CSS.escape(lastOpened)}"]`) : null;
  if (card) card.focus();
}

function closeDetail() {
  history.pushState(null, "", `${location.pathname}${location.search}`);
  route();
}

// ---- start ----

function knowledgeStatus(f) {
  const programs = f.municipalities.reduce((n, m) => n + m.programs, 0);
  const loaded = new Date(f.loadedAt).toLocaleString("ja-JP", {
    timeZone: "Asia/Tokyo",
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
  return `${f.municipalities.map((m) => m.name).join("・")}｜制度 ${programs}件｜知識の版 ${f.knowledgeVersion}（${loaded} 読込）`;
}

function setChatOpen(open) {
  document.body.classList.toggle("chat-open", open);
  ui.chatToggle.setAttribute("aria-expanded", String(open));
}

function pickCategory(name) {
  ui.category.value = ui.category.value === name ? "" : name;
  if (!ui.detail.hidden) closeDetail();
  runSearch();
}

async function start() {
  const params = new URLSearchParams(location.search);
  ui.input.value = params.get("q") || "";
  await loadFilters(params);
  wireSearchControls();
  wireChatOverlay();
  installKeyboard({
    input: ui.input,
    results: ui.results,
    isDetailOpen: () => !ui.detail.hidden,
    closeDetail,
    isChatOverlayOpen: () => document.body.classList.contains("chat-open"),
    closeChatOverlay: () => {
      setChatOpen(false);
      ui.chatToggle.focus();
    },
  });
  window.addEventListener("hashchange", route);
  createChat({
    log: $("chat-log"),
    form: $("chat-form"),
    input: $("chat-input"),
    resetButton: $("chat-reset"),
    municipality: () => ui.municipality.value,
  });
  await runSearch();
  await route();
  if (ui.detail.hidden) ui.input.focus();
}

/** The filters' choices from /api/categories, preset from the URL (a shared link) or the deployment's city. */
async function loadFilters(params) {
  try {
    facets = await getJson("/api/categories");
    fillFilters(facets, ui, pickCategory);
    ui.kbStatus.textContent = knowledgeStatus(facets);
    ui.municipality.value = params.get("municipality") || facets.scope || "";
    fillCounts(facets, ui, pickCategory);
    ui.category.value = params.get("category") || "";
    ui.audience.value = params.get("audience") || "";
  } catch (e) {
    ui.kbStatus.textContent = `知識を読み込めませんでした（${e.message}）`;
  }
}

function wireSearchControls() {
  // Search as you type, but not mid-conversion: with a Japanese IME, wait until the word is committed.
  const scheduleSearch = () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(runSearch, TYPING_DELAY_MS);
  };
  ui.input.addEventListener("input", (event) => {
    if (!event.isComposing) scheduleSearch();
  });
  ui.input.addEventListener("compositionend", scheduleSearch);
  ui.form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!ui.detail.hidden) closeDetail();
    runSearch();
  });
  for (const select of [ui.municipality, ui.category, ui.audience]) select.addEventListener("change", runSearch);
  ui.municipality.addEventListener("change", () => {
    if (facets) fillCounts(facets, ui, pickCategory);
  });
  ui.clear.addEventListener("click", () => {
    ui.input.value = "";
    ui.municipality.value = facets?.scope || "";
    ui.category.value = "";
    ui.audience.value = "";
    if (facets) fillCounts(facets, ui, pickCategory);
    runSearch();
    ui.input.focus();
  });
}

/** On a narrow screen the chat is an overlay opened by a button. */
function wireChatOverlay() {
  ui.chatToggle.addEventListener("click", () => {
    setChatOpen(!document.body.classList.contains("chat-open"));
    if (document.body.classList.contains("chat-open")) $("chat-input").focus();
  });
  $("chat-close").addEventListener("click", () => {
    setChatOpen(false);
    ui.chatToggle.focus();
  });
}

start();
