// Building the page from data without ever parsing it as HTML: every string becomes a text node or an
// attribute value, so nothing from the knowledge or from a person can become markup or script.

/**
 * el("a", { class: "card", href: "#/x" }, "text", childNode, [more]) → an element.
 * Props: class, text, dataset, on<event> (functions), hidden/disabled (booleans), other attributes.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = String(value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (value === true) node.setAttribute(key, "");
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false || child === "") continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces a node's children. */
export function fill(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** A <select>'s options after its first (the "all" option), keeping the current choice when it still exists. */
export function fillOptions(select, items) {
  const current = select.value;
  const first = select.options[0];
  select.replaceChildren(first, ...items.map((i) => el("option", { value: i.value, text: i.label })));
  if (items.some((i) => i.value === current)) select.value = current;
}
