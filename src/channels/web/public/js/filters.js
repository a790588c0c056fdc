// The filter selects and the life-event buttons, filled from /api/categories. The category and audience
// counts follow the municipality chosen (facet-counts.js).
import { el, fill, fillOptions } from "./dom.js";
import { countsFor } from "./facet-counts.js";

export function fillFilters(facets, ui, onPick) {
  fillOptions(
    ui.municipality,
    facets.municipalities.map((m) => ({ value: m.name, label: `${m.name}（${m.programs}件）` })),
  );
  fillCounts(facets, ui, onPick);
}

/** Re-counts the categories and audiences for the municipality now chosen, keeping the choices made. */
export function fillCounts(facets, { municipality, category, audience, lifeEvents }, onPick) {
  const counts = countsFor(facets, municipality.value, { category: category.value, audience: audience.value });
  fillOptions(
    category,
    counts.categories.map((c) => ({ value: c.name, label: `${c.name}（${c.programs}件）` })),
  );
  fillOptions(
    audience,
    counts.audiences.map((a) => ({ value: a.name, label: `${a.name}（${a.programs}件）` })),
  );
  fill(
    lifeEvents,
    el("span", { class: "life-events-label", text: "分野から探す:" }),
    counts.categories
      .filter((c) => c.programs > 0)
      .map((c) =>
        el("button", {
          type: "button",
          class: "chip",
          "aria-pressed": String(category.value === c.name),
          dataset: { category: c.name },
          onclick: () => onPick(c.name),
          text: c.name,
        }),
      ),
  );
}

/** Marks the life-event button of the chosen category as pressed. */
export function markLifeEvent(lifeEvents, categoryName) {
  for (const b of lifeEvents.querySelectorAll("button[data-category]"))
    b.setAttribute("aria-pressed", String(b.dataset.category === categoryName));
}
