// FAQ cells exported from a municipal website's CMS often carry its HTML: <br>, <p>, <a href="…">, &nbsp;,
// &amp;. A resident reading the answer on LINE must not see tags, and the index must not learn "br" or
// "nbsp" as words. Cells are read as text: line breaks where the markup broke lines, a link's address kept
// after its text (こちら（https://…）), entities decoded; a cell without markup is returned as it is.

const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  yen: "¥",
  copy: "©",
};

/** Whether a text holds an HTML tag or entity at all (most cells hold none). */
const HAS_MARKUP = /<\/?[a-z][^>]*>|&(#\d+|#x[0-9a-f]+|[a-z]+);/iu;

export function htmlToText(cell: string): string {
  if (!HAS_MARKUP.test(cell)) return cell;
  return decodeEntities(
    cell
      .replace(/<a\s[^>]*href\s*=\s*["']?([^"'\s>]+)["']?[^>]*>(.*?)<\/a\s*>/gisu, (_, href: string, label: string) =>
        label.includes(href) ? label : `${label}（${href}）`,
      )
      .replace(/<br\s*\/?>|<\/(p|div|li|tr|h[1-6])\s*>/giu, "\n")
      .replace(/<li[^>]*>/giu, "・")
      .replace(/<[^>]+>/gu, ""),
  )
    .replace(/[ \t\u3000]+/gu, " ")
    .replace(/ *\n */gu, "\n")
    .replace(/\n{3,}/gu, "\n\n")
    .trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/giu, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}
