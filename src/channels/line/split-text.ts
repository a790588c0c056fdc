// Splits a long answer into LINE text messages of at most `maxUnits` UTF-16 units, preferring line breaks,
// never cutting a surrogate pair. Beyond `maxParts` parts the last part ends with 「…」.
export function splitText(text: string, maxUnits: number, maxParts: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > 0 && parts.length < maxParts) {
    if (rest.length <= maxUnits) {
      parts.push(rest);
      return parts;
    }
    const last = parts.length === maxParts - 1;
    const cut = last ? safeCut(rest, maxUnits - 1) : breakPoint(rest, maxUnits);
    parts.push(last ? `${rest.slice(0, cut).trimEnd()}…` : rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  return parts;
}

/** The last line break in the first `max` units (if it is not too early), else a safe cut at `max`. */
function breakPoint(text: string, max: number): number {
  const newline = text.lastIndexOf("\n", max);
  return newline > max / 2 ? newline + 1 : safeCut(text, max);
}

/** `max`, moved back one unit when it would split a surrogate pair. */
function safeCut(text: string, max: number): number {
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}
