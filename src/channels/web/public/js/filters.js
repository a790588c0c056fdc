// The filter selects and the life-event buttons, filled from /api/categories.
import { el, fill, fillOptions } from "./dom.js";

export function fillFilters(facets, { municipality, category, audience, lifeEvents }, onPick) {
  fillOptions(municipality, facets.municipalities.map((m) => ({ value: m.name, label: `${m.name}（${m.programs}件）` })));
  fillOptions(category, facets.categories.map((c) => ({ value: c.name, label: `${c.name}（${c.programs}件）` })));
  fillOptions(audience, facets.audiences.map((a) => ({ value: a.name, label: `${a.name}（${a.programs}件）` })));
  fill(lifeEvents,
    el("span", { class: "life-events-label", text: "分野から探す:" }),
    facets.categories.map((c) => el("button", {
      type: "button", class: "chip", "aria-pressed": String(category.value === c.name), dataset: { category: c.name },
      onclick: () => onPick(c.name), text: c.name,
    })),
  );
}

/** Marks the life-event button of the chosen category as pressed. */
export function markLifeEvent(lifeEvents, categoryName) {
  for (const b of lifeEvents.querySelectorAll("button[data-category]")) b.setAttribute("aria-pressed", String(b.dataset.category === categoryName));
}
