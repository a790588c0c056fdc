// Keyboard use at the counter: "/" jumps to the search box, ↓/↑ walk the result cards (Enter opens one,
// as a link), Esc closes the chat overlay or goes back from a detail.

export function installKeyboard({ input, results, isDetailOpen, closeDetail, isChatOverlayOpen, closeChatOverlay }) {
  document.addEventListener("keydown", (event) => {
    const active = document.activeElement;
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(active?.tagName || "");
    if (event.key === "/" && !typing) {
      event.preventDefault();
      if (isDetailOpen()) closeDetail();
      input.focus();
      input.select();
    } else if (event.key === "Escape" && isChatOverlayOpen()) {
      closeChatOverlay();
    } else if (event.key === "Escape" && isDetailOpen()) {
      closeDetail();
    } else if (
      (event.key === "ArrowDown" || event.key === "ArrowUp") &&
      (active === input || active?.classList.contains("card"))
    ) {
      moveAmongCards(event, input, results);
    }
  });
}

function moveAmongCards(event, input, results) {
  const cards = [...results.querySelectorAll("a.card")];
  if (cards.length === 0) return;
  const at = cards.indexOf(document.activeElement);
  const next = event.key === "ArrowDown" ? at + 1 : at - 1;
  event.preventDefault();
  if (next < 0) input.focus();
  else cards[Math.min(next, cards.length - 1)].focus();
}
