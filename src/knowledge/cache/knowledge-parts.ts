// A knowledge base as parts: what it was made from (KnowledgeBase.toInit(), less its load time), with the
// programs and the FAQ entries in slices of 100, so decoding a large knowledge base (10,000 entries: ≈ 5 MB)
// never holds the thread for more than a slice (100 programs: 1–2 ms; slices of 400 held it for 5–15 ms,
// which with a collection in the same step was over the 20 ms a reload may pause answering). Used by the
// snapshot and the reload worker.
import { deserialize, serialize } from "node:v8";
import { KnowledgeBase, type KnowledgeBaseInit } from "../knowledge-base.js";
import { nextTurn } from "./parts.js";

const SLICE = 100;

type Rest = Omit<KnowledgeBaseInit, "programs" | "faqs" | "loadedAt"> & { programSlices: number; faqSlices: number };

export function knowledgeParts(knowledge: KnowledgeBase): Buffer[] {
  const { programs, faqs, loadedAt: _, ...rest } = knowledge.toInit();
  const programSlices = slices(programs);
  const faqSlices = slices(faqs);
  return [
    serialize({ ...rest, programSlices: programSlices.length, faqSlices: faqSlices.length } satisfies Rest),
    ...programSlices.map((s) => serialize(s)),
    ...faqSlices.map((s) => serialize(s)),
  ];
}

/** The knowledge base again, loaded now; `between` runs between slices (nextTurn to let requests through). Throws on parts it cannot read. */
export async function knowledgeFromParts(
  parts: readonly Uint8Array[],
  between: () => Promise<void> = nextTurn,
): Promise<KnowledgeBase> {
  const { programSlices, faqSlices, ...rest } = deserialize(parts[0]!) as Rest;
  if (parts.length !== 1 + programSlices + faqSlices)
    throw new Error(`knowledge parts: expected ${1 + programSlices + faqSlices}, got ${parts.length}`);
  const read = async <T>(from: number, count: number): Promise<T[]> => {
    const out: T[] = [];
    for (let i = from; i < from + count; i++) {
      await between();
      out.push(...(deserialize(parts[i]!) as T[]));
    }
    return out;
  };
  const programs = await read<KnowledgeBaseInit["programs"][number]>(1, programSlices);
  const faqs = await read<KnowledgeBaseInit["faqs"][number]>(1 + programSlices, faqSlices);
  await between(); // the constructor's maps by id: a step of their own at 10,000 entries
  return new KnowledgeBase({ ...rest, programs, faqs, loadedAt: new Date() });
}

function slices<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += SLICE) out.push(items.slice(i, i + SLICE));
  return out;
}
