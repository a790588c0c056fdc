// Topic agreement: a question that has an answer in the knowledge draws its best candidates from one topic
// (粗大ごみ の出し方 / 手数料 / 持ち込み all under ごみ), while a question nothing answers scatters them, each
// matching a different stray word (天気 → 防災, ラーメン → 避難所 …). The question's agreement is the share of the
// next leading candidates (MODEL.agreementNeighbours of them, best score first) that share a topic with the
// best one (its categories, or its department when it has none); a missing neighbour does not agree. It is
// one figure for the question, the same for every candidate: it says how sure to be, not which to rank first.
import { MODEL } from "./model.js";

export function topicAgreement(topics: readonly (readonly string[])[]): number {
  const [best, ...next] = topics.slice(0, MODEL.agreementNeighbours + 1);
  if (!best) return 0;
  return next.filter((t) => t.some((x) => best.includes(x))).length / MODEL.agreementNeighbours;
}
