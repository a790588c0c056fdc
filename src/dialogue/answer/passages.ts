// A program's own text cut into passages that can be quoted on their own: the sentences of its summary,
// eligibility, benefits and application, and the short facts (amounts, durations) the entry records apart.
// A sentence ends at 。 or a line break, and a list item (「 ・開催時期 11月23日」「 ○20kmコース」) is a
// passage of its own; a parenthesis that holds sentences of its own (「（運賃は300円、…。運行時間帯は…）」)
// is cut into them, so a question about the fare is answered by the fare and not the whole paragraph.
import type { Program } from "../../knowledge/schema.js";

export interface Passage {
  text: string;
  /** "sentence": a sentence of the entry; "fact": a short fact the entry records apart (年間10万円を上限). */
  kind: "sentence" | "fact";
}

export function programPassages(p: Program): Passage[] {
  if (p.nameOnly) return [];
  const sentences = [p.summary, p.eligibility?.text, ...(p.benefits ?? []).map((b) => b.text), p.application].flatMap(
    (t) => (t ? splitPassages(t) : []),
  );
  const facts = [
    ...(p.eligibility?.conditions ?? []).map((c) => c.text),
    ...(p.benefits ?? []).flatMap((b) => [
      ...(b.amounts ?? []).map((a) => a.text),
      ...(b.duration ? [b.duration] : []),
    ]),
  ];
  const out: Passage[] = [];
  const seen = new Set<string>();
  const add = (text: string, kind: Passage["kind"]) => {
    const key = text.replace(/[\s。]/gu, "");
    if (key.length === 0 || seen.has(key)) return;
    seen.add(key);
    out.push({ text, kind });
  };
  for (const s of sentences) add(s, "sentence");
  for (const f of facts) add(f.trim(), "fact");
  return out;
}

const OPEN = "（(";
const CLOSE = "）)";
/** List markers: one starts a passage when it follows a space or a line break (「年齢・性別」 is no list). */
const LIST_MARKS = "・○●■◆◇□▪";

export function splitPassages(text: string): string[] {
  const cut = cutSentenceParentheses(text.trim());
  const out: string[] = [];
  let depth = 0;
  let current = "";
  const flush = () => {
    const t = current.replace(/^[\s\u3000・○●■◆◇□▪]+/u, "").trim();
    if (/[\p{L}\p{N}]/u.test(t)) out.push(t); // not a lone 。 left after a parenthesis
    current = "";
  };
  for (let i = 0; i < cut.length; i++) {
    const c = cut[i]!;
    if (c === "\u0000") {
      flush();
      continue;
    }
    if (depth === 0 && LIST_MARKS.includes(c) && (i === 0 || /\s/u.test(cut[i - 1]!))) flush();
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth = Math.max(0, depth - 1);
    current += c;
    if (depth === 0 && (c === "。" || c === "\n")) flush();
  }
  flush();
  return out;
}

/**
 * Marks (with \u0000) where a parenthesis that contains a 。 opens and closes, dropping the brackets: its
 * sentences become passages of their own. Other parentheses (「(勤労感謝の日)」) stay inside their sentence.
 */
function cutSentenceParentheses(text: string): string {
  const chars = [...text];
  const stack: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (OPEN.includes(c)) stack.push(i);
    else if (CLOSE.includes(c) && stack.length > 0) {
      const open = stack.pop()!;
      if (chars.slice(open + 1, i).includes("。")) {
        chars[open] = "\u0000";
        chars[i] = "\u0000";
      }
    }
  }
  return chars.join("");
}
