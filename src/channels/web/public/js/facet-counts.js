// The counts the category and audience filters show: those of the municipality chosen (from
// /api/categories' byMunicipality), else of the whole knowledge. A choice already made stays offered,
// with 0件, so changing the municipality never silently drops a filter. Pure: no DOM, tested in Node.

export function countsFor(facets, municipality, chosen = {}) {
  const own = municipality ? (facets.byMunicipality || []).find((m) => m.name === municipality) : undefined;
  const source = own || facets;
  return {
    categories: keepChosen(source.categories, facets.categories, chosen.category),
    audiences: keepChosen(source.audiences, facets.audiences, chosen.audience),
  };
}

/** `counts`, plus the chosen name with 0 when it has none here, in the order of `all`. */
function keepChosen(counts, all, name) {
  if (!name || counts.some((c) => c.name === name)) return counts;
  const order = all.map((c) => c.name);
  return [...counts, { name, programs: 0 }].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
}
