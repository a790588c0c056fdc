// The longest pause in answering while the knowledge reloads: questions are answered back to back (each
// as soon as the event loop is free, as a server's requests would be) while a file of the knowledge
// changes and the runtime reloads; the figure is the longest gap between two answers during the reload.
import { appendFile } from "node:fs/promises";
import { join } from "node:path";
import type { KnowledgeRuntime } from "../../src/server/live-knowledge/knowledge-runtime.js";
import type { SearchIndex } from "../../src/search/search-index.js";

export interface PauseFigure {
  /** The longest gap between two answers while the reload ran. */
  longestPauseMs: number;
  reloadMs: number;
  answered: number;
  outcome: string;
}

export async function measureReloadPause(
  runtime: KnowledgeRuntime<SearchIndex>,
  dir: string,
  questions: readonly string[],
): Promise<PauseFigure> {
  // A change that alters the knowledge version but no entry: a comment at the end of the municipalities file.
  await appendFile(join(dir, "municipalities.yaml"), `\n# reload ${Date.now()}\n`);
  let running = true;
  let answered = 0;
  let last = performance.now();
  let longest = 0;
  const answerLoop = async () => {
    while (running) {
      runtime.current().index.search(questions[answered % questions.length]!, { top: 5 });
      answered++;
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const loop = answerLoop();
  const started = performance.now();
  const result = await runtime.reload("bench");
  const reloadMs = performance.now() - started;
  running = false;
  await loop;
  return { longestPauseMs: longest, reloadMs, answered, outcome: result.outcome };
}

/** The longest gap between answers over `ms` without a reload: what the machine alone costs (it is shared). */
export async function measureQuietPause(
  runtime: KnowledgeRuntime<SearchIndex>,
  questions: readonly string[],
  ms: number,
): Promise<number> {
  let longest = 0;
  let answered = 0;
  let last = performance.now();
  for (const end = last + ms; performance.now() < end; answered++) {
    runtime.current().index.search(questions[answered % questions.length]!, { top: 5 });
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return longest;
}

/** Times the synchronous steps between `between` calls (the reload's work on the answering thread). */
export function stepTimer(): { between: () => Promise<void>; longest: () => number } {
  let started = 0;
  let longest = 0;
  return {
    between: async () => {
      if (started) longest = Math.max(longest, performance.now() - started);
      await new Promise((resolve) => setImmediate(resolve));
      started = performance.now();
    },
    longest: () => longest,
  };
}
