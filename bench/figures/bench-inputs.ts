// What the bench feeds the CLI: the repository's held-out questions (test/fixtures/search), repeated to the
// sizes of issue 14's table — 2,000 residents' questions for `search --batch`, 1,000 conversation turns for
// `converse` (40 residents, every fourth turn a follow-up about the program just shown).
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface BenchQuestion {
  q: string;
  municipality: string | null;
}

const QUESTION_FILES = ["heldout-questions.jsonl", "heldout-questions-2.jsonl", "heldout-3.jsonl", "heldout-4.jsonl"];
const FOLLOW_UPS = ["もっと詳しく", "申し込み方法は？", "対象は？", "いつまで？", "ありがとう"];
const RESIDENTS = 40;

export function benchQuestions(root: string): BenchQuestion[] {
  return QUESTION_FILES.flatMap((f) =>
    readFileSync(join(root, "test", "fixtures", "search", f), "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => {
        const { q, municipality } = JSON.parse(l) as { q: string; municipality?: string | null };
        return { q, municipality: municipality ?? null };
      }),
  );
}

/** `count` lines for `search --json --batch`. */
export function batchInput(questions: readonly BenchQuestion[], count: number): string {
  return `${Array.from({ length: count }, (_, i) => JSON.stringify(questions[i % questions.length])).join("\n")}\n`;
}

/** `count` lines for `converse --json`. */
export function converseInput(questions: readonly BenchQuestion[], count: number): string {
  return `${Array.from({ length: count }, (_, i) => {
    const q = questions[i % questions.length]!;
    const text = i % 4 === 3 ? FOLLOW_UPS[i % FOLLOW_UPS.length]! : q.q;
    return JSON.stringify({ user: `resident-${i % RESIDENTS}`, text, municipality: q.municipality });
  }).join("\n")}\n`;
}
